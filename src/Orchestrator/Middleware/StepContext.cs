namespace HybridAI.Orchestrator;

/// <summary>The step being run, as seen by step middleware.</summary>
public abstract class StepContext
{
    /// <summary>The run this step belongs to.</summary>
    public abstract RunContext Run { get; }

    /// <summary>The step's name, unique within its workflow.</summary>
    public abstract string StepName { get; }

    /// <summary>What the step does.</summary>
    public abstract StepKind Kind { get; }

    /// <summary>Zero-based position of the step in the workflow.</summary>
    public abstract int StepIndex { get; }

    /// <summary>Shortcut for <c>Run.State</c>.</summary>
    public object State { get => Run.State; set => Run.State = value; }

    /// <summary>Shortcut for <c>Run.CancellationToken</c>.</summary>
    public CancellationToken CancellationToken => Run.CancellationToken;

    /// <summary>
    /// A short, PII-free summary of what the step produced (e.g. <c>label=billing p=0.93</c>), set by the
    /// step body after it runs; audit and telemetry record it.
    /// </summary>
    public string? Outcome { get; set; }

    /// <summary>Set when the step's fallback ran instead of its body (see <c>StepOptions.WithFallback</c>); null otherwise.</summary>
    public StepFallback? Fallback { get; internal set; }
}
