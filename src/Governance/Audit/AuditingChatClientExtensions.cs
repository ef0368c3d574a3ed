using HybridAI.Abstractions.Privacy;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Audit;

/// <summary>Adds auditing to any <see cref="IChatClient"/>.</summary>
public static class AuditingChatClientExtensions
{
    /// <summary>Wraps <paramref name="client"/> in an <see cref="AuditingChatClient"/>: every model call and tool result is recorded, masked.</summary>
    /// <example>
    /// <code>
    /// IChatClient model = localModel.WithAudit(auditLog, PiiDetector.CreateDefault());
    /// </code>
    /// </example>
    public static IChatClient WithAudit(this IChatClient client, IAuditSink sink, IPiiDetector detector, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new AuditingChatClient(client, sink, detector, time);
    }
}
