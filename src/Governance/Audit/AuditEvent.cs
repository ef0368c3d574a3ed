using HybridAI.Orchestrator;

namespace HybridAI.Governance.Audit;

/// <summary>
/// One line of the audit trail. Holds no personal data: outcome, error, prompt and output text are masked before
/// writing. Fields that do not apply to an event type stay null (a step event has no model, a run event no step).
/// </summary>
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

    /// <summary>Who acted: the reviewer of a gate or review decision, the policy that decided, the caller of a model.</summary>
    public string? Actor { get; init; }

    /// <summary>The actor's role (e.g. <c>reviewer</c>, <c>supervisor</c>), when known.</summary>
    public string? ActorRole { get; init; }

    /// <summary>The model's id, for model calls.</summary>
    public string? Model { get; init; }

    /// <summary>The prompt sent to the model, with personal data masked (model calls).</summary>
    public string? Prompt { get; init; }

    /// <summary>The model's reply, with personal data masked (model calls).</summary>
    public string? Output { get; init; }

    /// <summary>Comma-separated ids of the context (retrieved passages, evidence) the model was given.</summary>
    public string? ContextIds { get; init; }

    /// <summary>Prompt tokens the model reported, for model calls.</summary>
    public long? InputTokens { get; init; }

    /// <summary>Reply tokens the model reported, for model calls.</summary>
    public long? OutputTokens { get; init; }
}
