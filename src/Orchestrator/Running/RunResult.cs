namespace HybridAI.Orchestrator;

/// <summary>What a run produced.</summary>
/// <typeparam name="TState">The workflow's state type.</typeparam>
public sealed class RunResult<TState>
{
    internal RunResult(string runId, RunStatus status, TState state, WorkflowStepException? error,
        string? suspendedAtStep, string? suspendReason, IReadOnlyList<StepTiming> steps, TimeSpan elapsed)
    {
        RunId = runId;
        Status = status;
        State = state;
        Error = error;
        SuspendedAtStep = suspendedAtStep;
        SuspendReason = suspendReason;
        Steps = steps;
        Elapsed = elapsed;
    }

    /// <summary>The run's id (the checkpoint key when suspended).</summary>
    public string RunId { get; }

    /// <summary>How the run ended.</summary>
    public RunStatus Status { get; }

    /// <summary>The state after the last step that ran.</summary>
    public TState State { get; }

    /// <summary>Why the run failed, when <see cref="Status"/> is <see cref="RunStatus.Failed"/>.</summary>
    public WorkflowStepException? Error { get; }

    /// <summary>The gate that suspended the run, when <see cref="Status"/> is <see cref="RunStatus.Suspended"/>.</summary>
    public string? SuspendedAtStep { get; }

    /// <summary>The gate's reason for asking a human, if it gave one.</summary>
    public string? SuspendReason { get; }

    /// <summary>The steps that ran in this call, in execution order.</summary>
    public IReadOnlyList<StepTiming> Steps { get; }

    /// <summary>Wall time of this call.</summary>
    public TimeSpan Elapsed { get; }
}
