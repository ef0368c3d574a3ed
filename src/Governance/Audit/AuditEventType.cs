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
    /// <summary>A run began (or resumed from its checkpoint).</summary>
    RunStarted,
    /// <summary>A run ran to its end.</summary>
    RunCompleted,
    /// <summary>A run stopped on a failure; the event carries the error type and a masked message.</summary>
    RunFailed,
    /// <summary>A run stopped because its caller cancelled it.</summary>
    RunCancelled,
    /// <summary>A language model answered: masked prompt and output, context ids, token counts, model id, duration.</summary>
    ModelCall,
    /// <summary>A tool ran: the outcome names the tool and carries its masked result; never its raw arguments.</summary>
    ToolCall,
    /// <summary>A policy allowed or denied something; the actor names the policy, the outcome the decision.</summary>
    PolicyDecision,
    /// <summary>A reviewer decided at a gate; the actor is the reviewer, the outcome <c>approved</c> or <c>rejected</c>.</summary>
    GateDecision,
    /// <summary>A reviewer did something outside a gate (claimed, commented, reassigned an item).</summary>
    ReviewerAction,
    /// <summary>A run suspended at a gate entered the review queue (written together with its checkpoint); the outcome names the allowed roles and deadlines.</summary>
    ReviewRequested,
    /// <summary>A review passed its escalation time undecided; its escalation role may now decide it.</summary>
    ReviewEscalated,
    /// <summary>A decided run resumed from its checkpoint through the review queue; the outcome is the run's status.</summary>
    RunResumed,
}
