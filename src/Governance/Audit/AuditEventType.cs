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
}
