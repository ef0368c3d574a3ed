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

    /// <summary>
    /// How long a resume claim holds (default: 10 minutes, by <see cref="TimeProvider"/>). A run claimed longer ago whose
    /// checkpoint still exists (its process died before the run ended) is listed by
    /// <see cref="ReviewQueue.ListAwaitingResumeAsync"/> again and <see cref="ReviewQueue.ResumeAsync"/> takes it over.
    /// Set it longer than the slowest run takes to finish after its gate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The lease is zero or negative.</exception>
    public TimeSpan ResumeLease
    {
        get => _resumeLease;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(ResumeLease));
            _resumeLease = value;
        }
    }

    private readonly TimeSpan _resumeLease = DefaultResumeLease;

    /// <summary>The default <see cref="ResumeLease"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultResumeLease = TimeSpan.FromMinutes(10);
}
