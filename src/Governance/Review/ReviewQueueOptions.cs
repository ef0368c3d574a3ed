using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Audit;

namespace HybridAI.Governance.Review;

/// <summary>How a <see cref="ReviewQueue"/> dates, masks and audits what it does.</summary>
public sealed class ReviewQueueOptions
{
    /// <summary>Dates requests and decisions and drives <see cref="ReviewQueue.ProcessTimeoutsAsync"/> (default: the system clock).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Where every enqueue, escalation, decision and resume is recorded, when set.</summary>
    public IAuditSink? Audit { get; init; }

    /// <summary>Masks personal data in the summaries and reasons gates hand in (default: <c>PiiDetector.CreateDefault()</c>).</summary>
    public IPiiDetector? PiiDetector { get; init; }
}
