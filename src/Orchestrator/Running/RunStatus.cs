namespace HybridAI.Orchestrator;

/// <summary>How a run ended (for now).</summary>
public enum RunStatus
{
    /// <summary>Every step ran (or a branch chose <see cref="Workflow.End"/>).</summary>
    Completed,
    /// <summary>A gate asked for a human; the run is checkpointed and waits for <c>ResumeAsync</c>.</summary>
    Suspended,
    /// <summary>A step failed; see <see cref="RunResult{TState}.Error"/>.</summary>
    Failed,
    /// <summary>The caller's token was cancelled; the run stopped before its next step.</summary>
    Cancelled,
}
