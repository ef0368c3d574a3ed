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
    /// <summary>A run suspended at a gate entered the review queue (written together with its checkpoint).</summary>
    ReviewRequested,
    /// <summary>A review passed its escalation deadline undecided; the escalation role may now decide it.</summary>
    ReviewEscalated,
    /// <summary>A reviewer (or the final deadline) decided a review; the outcome names the verdict, reviewer id, role and edited fields.</summary>
    ReviewDecided,
    /// <summary>A decided run resumed from its checkpoint; the outcome is the run's status.</summary>
    RunResumed,
}
