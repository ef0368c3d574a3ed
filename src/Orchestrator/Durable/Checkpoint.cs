namespace HybridAI.Orchestrator;

/// <summary>A run suspended at a gate, as stored between processes.</summary>
/// <param name="RunId">The run's id (the key).</param>
/// <param name="WorkflowName">The workflow that suspended it.</param>
/// <param name="WorkflowVersion">That workflow's version.</param>
/// <param name="StepName">The gate step the run waits at.</param>
/// <param name="SchemaHash">The state schema hash of the workflow at suspension.</param>
/// <param name="StateJson">The state, as System.Text.Json wrote it.</param>
/// <param name="Reason">Why the gate asked for a human, if it said.</param>
/// <param name="CreatedAt">When the run was suspended (the runner's clock).</param>
public sealed record Checkpoint(
    string RunId,
    string WorkflowName,
    string WorkflowVersion,
    string StepName,
    string SchemaHash,
    string StateJson,
    string? Reason,
    DateTimeOffset CreatedAt)
{
    /// <summary>Who may decide the gate and what they see, when the gate declared it (a review queue stores it with the review).</summary>
    public GateReview? Review { get; init; }
}
