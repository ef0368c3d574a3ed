namespace HybridAI.Governance.Audit;

/// <summary>What happened.</summary>
public enum AuditEventType
{
    /// <summary>A step began.</summary>
    StepStarted,
    /// <summary>A step finished; the event carries its outcome summary and duration.</summary>
    StepCompleted,
    /// <summary>A step threw; the event carries the error type and a masked message.</summary>
    StepFailed,
    /// <summary>The run stopped at a gate, waiting for a human decision.</summary>
    RunSuspended,
    /// <summary>A tool call that needs approval was sent to the review queue; the event's run id is the review's id.</summary>
    ToolApprovalRequested,
    /// <summary>A reviewer approved a tool call; the outcome names the tool and the reviewer.</summary>
    ToolApproved,
    /// <summary>A tool call was rejected (by a reviewer, or because no decision came in time); the outcome says which.</summary>
    ToolRejected,
    /// <summary>
    /// A step's fallback ran instead of its body (e.g. an LLM endpoint failed and the no-model writer answered). Written
    /// before the step's StepCompleted; <see cref="AuditEvent.Outcome"/> holds why (<c>HTTP 503 from host:port after 3
    /// attempts</c>), <see cref="AuditEvent.ErrorType"/> the failure's type. The failure's message is not recorded: it may quote the prompt.
    /// </summary>
    StepFellBack,
}
