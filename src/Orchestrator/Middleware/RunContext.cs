namespace HybridAI.Orchestrator;

/// <summary>
/// Everything middleware may know about one run of a workflow. One instance lives for the whole run.
/// </summary>
public abstract class RunContext
{
    /// <summary>The run's id (unique; also the checkpoint key).</summary>
    public abstract string RunId { get; }

    /// <summary>The workflow's registered name.</summary>
    public abstract string WorkflowName { get; }

    /// <summary>The workflow's version.</summary>
    public abstract string WorkflowVersion { get; }

    /// <summary>The typed state object flowing through the steps. Middleware may replace it with an object of the same type.</summary>
    public abstract object State { get; set; }

    /// <summary>The CLR type of <see cref="State"/>.</summary>
    public abstract Type StateType { get; }

    /// <summary>Services of the host (may be an empty provider).</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>The clock of the run.</summary>
    public abstract TimeProvider TimeProvider { get; }

    /// <summary>Cancelled when the caller gives up on the run.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>A bag for middleware to share per-run data (e.g. the PII vault). Created on first use.</summary>
    public abstract IDictionary<string, object?> Items { get; }

    /// <summary>
    /// How the run stands: the engine sets it when the steps stop (<see cref="RunStatus.Completed"/>,
    /// <see cref="RunStatus.Suspended"/> or <see cref="RunStatus.Cancelled"/>), so run middleware reads it after
    /// <c>next</c> returns. A failed step surfaces as the exception thrown by <c>next</c> instead.
    /// </summary>
    public RunStatus Status { get; protected internal set; }

    /// <summary>The gate that suspended the run, once <see cref="Status"/> is <see cref="RunStatus.Suspended"/>.</summary>
    public string? SuspendedAtStep { get; protected internal set; }

    /// <summary>The gate's reason for asking a human, if it gave one.</summary>
    public string? SuspendReason { get; protected internal set; }

    /// <summary>The reviewer's decision a resumed run brings to its gate; null once the gate has applied it, and in runs that were not resumed.</summary>
    public GateDecision? PendingDecision { get; protected internal set; }
}
