namespace HybridAI.Governance.Review;

/// <summary>A run waiting for (or given) a human decision. Holds masked text only.</summary>
public sealed record ReviewItem
{
    /// <summary>The run's id; one review per run.</summary>
    public required string RunId { get; init; }

    /// <summary>The workflow's name.</summary>
    public required string Workflow { get; init; }

    /// <summary>The step (gate) that asked for review.</summary>
    public required string Step { get; init; }

    /// <summary>Why a human must decide (e.g. <c>confidence 0.41 &lt; 0.70</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>What the reviewer needs to see, already PII-masked.</summary>
    public string? Summary { get; init; }

    /// <summary>When the review was requested.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Pending until decided.</summary>
    public ReviewStatus Status { get; init; } = ReviewStatus.Pending;

    /// <summary>Who decided; null while pending.</summary>
    public string? Reviewer { get; init; }

    /// <summary>The reviewer's comment, if any.</summary>
    public string? Comment { get; init; }

    /// <summary>When it was decided; null while pending.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The version of the workflow that suspended the run, when known.</summary>
    public string? WorkflowVersion { get; init; }

    /// <summary>The roles that may decide; empty: any reviewer.</summary>
    public IReadOnlyList<string> AllowedRoles { get; init; } = [];

    /// <summary>The role that may also decide once the review has escalated.</summary>
    public string? EscalationRole { get; init; }

    /// <summary>When the review escalates if still undecided.</summary>
    public DateTimeOffset? EscalateAt { get; init; }

    /// <summary>When the review is rejected if still undecided (the final deadline).</summary>
    public DateTimeOffset? RejectAt { get; init; }

    /// <summary>When it escalated; null when it has not.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>The state fields a reviewer may edit when approving.</summary>
    public IReadOnlyList<string> EditableFields { get; init; } = [];

    /// <summary>The role of the reviewer who decided.</summary>
    public string? ReviewerRole { get; init; }

    /// <summary>The edited state fields (name to new value) an edit-then-approve carried.</summary>
    public IReadOnlyDictionary<string, string>? Edits { get; init; }

    /// <summary>When the decided run was resumed (or, for <see cref="ReviewStatus.Withdrawn"/>, ended without the queue); null before.</summary>
    public DateTimeOffset? ResumedAt { get; init; }

    /// <summary>
    /// When the current resume claim was taken (null when none is held). A claim older than
    /// <see cref="ReviewQueueOptions.ResumeLease"/> whose checkpoint is still there is taken as abandoned and may be taken over.
    /// </summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>Who holds the resume claim: a value unique to each claim, so only its holder gives it back.</summary>
    internal string? ClaimToken { get; init; }

    /// <summary>Whether <paramref name="role"/> may decide this review now (its allowed roles, or the escalation role once escalated).</summary>
    public bool Allows(string? role) =>
        AllowedRoles.Count == 0
        || (role is not null && (AllowedRoles.Contains(role, StringComparer.Ordinal)
            || (EscalatedAt is not null && string.Equals(role, EscalationRole, StringComparison.Ordinal))));
}

/// <summary>Where a review stands.</summary>
public enum ReviewStatus
{
    /// <summary>Waiting for a reviewer.</summary>
    Pending,
    /// <summary>The reviewer approved; the run may go on.</summary>
    Approved,
    /// <summary>The reviewer rejected (or no one decided before the final deadline).</summary>
    Rejected,
    /// <summary>The run was resumed or ended without a decision from the queue (e.g. by <c>WorkflowRunner.ResumeAsync</c> directly).</summary>
    Withdrawn,
}
