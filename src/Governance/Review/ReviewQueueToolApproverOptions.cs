using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Audit;

namespace HybridAI.Governance.Review;

/// <summary>How <see cref="ReviewQueueToolApprover"/> asks for and waits on a reviewer's decision.</summary>
public sealed class ReviewQueueToolApproverOptions
{
    /// <summary>The workflow name the review items (and audit events) carry, so a reviewer knows which agent asks (default <c>tool-calls</c>).</summary>
    public string Workflow { get; init; } = "tool-calls";

    /// <summary>The workflow version audit events carry (default <c>1</c>).</summary>
    public string WorkflowVersion { get; init; } = "1";

    /// <summary>
    /// How long a call waits for a decision (default 10 minutes). When it passes, the review is closed as rejected
    /// (reviewer <see cref="TimeoutReviewer"/>), the tool is not invoked and the model is told no decision came in time.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits until the request is cancelled.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the review file is re-read for decisions made by another process, such as <c>hybridai review</c> (default 1 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Finds personal data in the call's arguments, which the review summary shows masked (default: <c>PiiDetector.CreateDefault()</c>).</summary>
    public IPiiDetector? PiiDetector { get; init; }

    /// <summary>Where the request and the decision are recorded, when set (e.g. a <see cref="SqliteAuditLog"/>).</summary>
    public IAuditSink? Audit { get; init; }

    /// <summary>Times the wait and dates the audit events (default: the system clock).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The reviewer name a review closed by the timeout carries.</summary>
    public const string TimeoutReviewer = "hybridai:timeout";

    /// <summary>The reviewer name a review closed because the request was cancelled carries.</summary>
    public const string CancelledReviewer = "hybridai:cancelled";

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Workflow))
            throw new ArgumentException("ReviewQueueToolApproverOptions.Workflow is required.", nameof(Workflow));
        if (string.IsNullOrWhiteSpace(WorkflowVersion))
            throw new ArgumentException("ReviewQueueToolApproverOptions.WorkflowVersion is required.", nameof(WorkflowVersion));
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "ReviewQueueToolApproverOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan).");
        if (PollInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "ReviewQueueToolApproverOptions.PollInterval must be positive.");
    }
}
