namespace HybridAI.Governance.Audit;

/// <summary>Where audit events go. Implementations must not do slow I/O on the caller's path.</summary>
public interface IAuditSink
{
    /// <summary>Records <paramref name="auditEvent"/> (usually by queueing it).</summary>
    ValueTask WriteAsync(AuditEvent auditEvent);
}
