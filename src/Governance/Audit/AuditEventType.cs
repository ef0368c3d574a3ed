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
}
