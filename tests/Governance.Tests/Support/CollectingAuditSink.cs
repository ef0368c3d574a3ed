using System.Collections.Concurrent;
using HybridAI.Governance.Audit;

namespace HybridAI.Governance.Tests.Support;

/// <summary>An audit sink that keeps events in memory, in order, so a test can read the trail back.</summary>
internal sealed class CollectingAuditSink : IAuditSink
{
    private readonly ConcurrentQueue<AuditEvent> _events = new();

    public IReadOnlyList<AuditEvent> Events => [.. _events];

    public ValueTask WriteAsync(AuditEvent auditEvent)
    {
        _events.Enqueue(auditEvent);
        return default;
    }
}
