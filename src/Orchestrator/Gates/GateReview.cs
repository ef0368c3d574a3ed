namespace HybridAI.Orchestrator;

/// <summary>What a gate asks of its reviewers, carried on the <see cref="Checkpoint"/> to the review queue.</summary>
public sealed record GateReview
{
    /// <summary>The roles allowed to decide; empty: any reviewer.</summary>
    public IReadOnlyList<string> AllowedRoles { get; init; } = [];

    /// <summary>The role that may also decide once the review has escalated.</summary>
    public string? EscalationRole { get; init; }

    /// <summary>How long after suspension the review escalates.</summary>
    public TimeSpan? EscalateAfter { get; init; }

    /// <summary>How long after suspension an undecided review is rejected.</summary>
    public TimeSpan? RejectAfter { get; init; }

    /// <summary>The state fields a reviewer may edit when approving.</summary>
    public IReadOnlyList<string> EditableFields { get; init; } = [];

    /// <summary>What the reviewer sees, not yet masked (the review queue masks it before storing).</summary>
    public string? Summary { get; init; }
}
