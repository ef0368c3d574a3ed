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
}
