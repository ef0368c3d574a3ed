namespace HybridAI.Orchestrator;

/// <summary>Settings of a <see cref="WorkflowRunner"/>.</summary>
public sealed class WorkflowRunnerOptions
{
    /// <summary>
    /// How many steps one run may execute before it fails; guards branches that loop forever. Default 1000.
    /// </summary>
    public int MaxStepsPerRun { get; set; } = 1000;
}
