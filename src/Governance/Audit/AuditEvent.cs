using HybridAI.Orchestrator;

namespace HybridAI.Governance.Audit;

/// <summary>One line of the audit trail. Holds no personal data: outcome and error text are masked before writing.</summary>
public readonly record struct AuditEvent
{
    /// <summary>When it happened (from the run's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The workflow's name.</summary>
    public required string Workflow { get; init; }

    /// <summary>The workflow's version.</summary>
    public required string WorkflowVersion { get; init; }

    /// <summary>The step's name; null for run-level events.</summary>
    public string? Step { get; init; }

    /// <summary>The step's position in the workflow; -1 for run-level events.</summary>
    public int StepIndex { get; init; }

    /// <summary>What the step does.</summary>
    public StepKind Kind { get; init; }

    /// <summary>What happened.</summary>
    public required AuditEventType EventType { get; init; }

    /// <summary>The step's PII-free outcome summary (e.g. <c>label=billing p=0.93</c>).</summary>
    public string? Outcome { get; init; }

    /// <summary>The full name of the exception type, for failures.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The exception's message with personal data masked, for failures.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>How long the step took.</summary>
    public TimeSpan Duration { get; init; }
}
