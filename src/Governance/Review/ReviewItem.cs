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
}

/// <summary>Where a review stands.</summary>
public enum ReviewStatus
{
    /// <summary>Waiting for a reviewer.</summary>
    Pending,
    /// <summary>The reviewer approved; the run may go on.</summary>
    Approved,
    /// <summary>The reviewer rejected.</summary>
    Rejected,
}
