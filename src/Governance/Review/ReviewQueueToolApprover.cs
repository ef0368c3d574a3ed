using System.Globalization;
using HybridAI.Abstractions.Generation;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Orchestrator;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Review;

/// <summary>
/// Sends each call to an <see cref="ApprovalRequiredAIFunction"/> to the human review queue and waits for the
/// decision: the tool runs only once a reviewer approves it (<see cref="ReviewQueue.DecideAsync(string, bool, string, string?, CancellationToken)"/>, which is what
/// <c>hybridai review approve|reject</c> calls). The review item names the tool and shows its arguments PII-masked and
/// shortened; raw arguments go nowhere else (not in items, audit events or exceptions). A rejection, or no decision
/// within <see cref="ReviewQueueToolApproverOptions.Timeout"/> (the review is then closed as rejected), answers the
/// model with a tool error. Cancelling the request closes the review as rejected and rethrows. Request and decision
/// are written to <see cref="ReviewQueueToolApproverOptions.Audit"/> when set, under the review's id.
/// </summary>
/// <example>
/// <code>
/// await using var reviews = new ReviewQueue("reviews.db");
/// await using var audit = new SqliteAuditLog("audit.db");
/// var approver = new ReviewQueueToolApprover(reviews, new ReviewQueueToolApproverOptions
/// {
///     Workflow = "refund-agent",
///     Timeout = TimeSpan.FromMinutes(5),
///     Audit = audit,
/// });
/// AIFunction refund = new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string order_id, int amount) =&gt; Refund(order_id, amount), "issue_refund"));
/// IChatClient chat = endpoint.CreateChatClient().WithToolCalling(new ToolCallingOptions { Approver = approver });
/// ChatResponse reply = await chat.GetResponseAsync("Refund order A-1042", new ChatOptions { Tools = [refund] });
/// // meanwhile, elsewhere: hybridai review list / await reviews.DecideAsync(id, approved: true, reviewer: "agent-7");
/// </code>
/// </example>
public sealed class ReviewQueueToolApprover : IToolApprover
{
    private const int MaxToolNameLength = 64;

    private readonly ReviewQueue _queue;
    private readonly ReviewQueueToolApproverOptions _options;
    private readonly PiiMasker _masker;
    private readonly RedactionCache _redaction;
    private readonly TimeProvider _time;

    /// <summary>Asks <paramref name="queue"/>; <paramref name="options"/> defaults to <see cref="ReviewQueueToolApproverOptions"/>' defaults.</summary>
    public ReviewQueueToolApprover(ReviewQueue queue, ReviewQueueToolApproverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        _queue = queue;
        _options = options ?? new ReviewQueueToolApproverOptions();
        _options.Validate();
        var detector = _options.PiiDetector ?? PiiDetector.CreateDefault();
        _masker = new PiiMasker(detector);
        _redaction = new RedactionCache(detector);
        _time = _options.TimeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<ToolApproval> ApproveAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var tool = ToolName(call.Name);
        var reviewId = "tool-" + Guid.NewGuid().ToString("N");
        var step = "tool:" + tool;
        var started = _time.GetTimestamp();
        var item = new ReviewItem
        {
            RunId = reviewId,
            Workflow = _options.Workflow,
            Step = step,
            Reason = $"tool '{tool}' needs approval before it runs",
            Summary = ToolCallSummary.Describe(call, _masker),
            CreatedAt = _time.GetUtcNow(),
        };
        if (!await _queue.EnqueueAsync(item, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"The review id '{reviewId}' is already taken in the review queue; the call to tool '{tool}' was not sent for review.");
        await AuditAsync(reviewId, step, AuditEventType.ToolApprovalRequested, $"tool={tool}", TimeSpan.Zero).ConfigureAwait(false);

        var decided = await WaitAsync(reviewId, cancellationToken).ConfigureAwait(false);
        var approved = decided.Status == ReviewStatus.Approved;
        var timedOut = !approved && decided.Reviewer == ReviewQueueToolApproverOptions.TimeoutReviewer;
        var outcome = timedOut
            ? $"tool={tool} decision=timeout after={Describe(_options.Timeout)}"
            : $"tool={tool} decision={(approved ? "approved" : "rejected")} reviewer={decided.Reviewer}";
        await AuditAsync(reviewId, step, approved ? AuditEventType.ToolApproved : AuditEventType.ToolRejected, outcome, _time.GetElapsedTime(started))
            .ConfigureAwait(false);

        return approved ? ToolApproval.Approved
            : timedOut ? ToolApproval.Rejected($"no reviewer decided within {Describe(_options.Timeout)}, so it counts as rejected")
            : ToolApproval.Rejected("a reviewer rejected it");
    }

    private async Task<ReviewItem> WaitAsync(string reviewId, CancellationToken cancellationToken)
    {
        using var patience = _options.Timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(_options.Timeout, _time);
        using var linked = patience is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, patience.Token);
        try
        {
            return await _queue.WaitForDecisionAsync(reviewId, _options.PollInterval, linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && patience is { IsCancellationRequested: true })
        {
            return await CloseAsync(reviewId, ReviewQueueToolApproverOptions.TimeoutReviewer, $"no decision within {Describe(_options.Timeout)}").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The call will never run now; leaving the review pending would invite an approval that does nothing.
            await CloseAsync(reviewId, ReviewQueueToolApproverOptions.CancelledReviewer, "the request was cancelled before a decision").ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes a review this approver gave up on; a reviewer who decided in the meantime wins.</summary>
    private async Task<ReviewItem> CloseAsync(string reviewId, string reviewer, string comment)
    {
        try
        {
            return await _queue.DecideAsync(reviewId, approved: false, reviewer, comment, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return await _queue.GetAsync(reviewId, CancellationToken.None).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"The review '{reviewId}' disappeared from the review queue.");
        }
    }

    private ValueTask AuditAsync(string reviewId, string step, AuditEventType type, string outcome, TimeSpan duration) =>
        _options.Audit is not { } sink ? default : sink.WriteAsync(new AuditEvent
        {
            Timestamp = _time.GetUtcNow(),
            RunId = reviewId,
            Workflow = _options.Workflow,
            WorkflowVersion = _options.WorkflowVersion,
            Step = step,
            StepIndex = -1,
            Kind = StepKind.CallTool,
            EventType = type,
            Outcome = _redaction.Redact(outcome),
            Duration = duration,
        });

    /// <summary>The tool's name as items and audit events show it: bounded, and without control characters.</summary>
    private static string ToolName(string name)
    {
        var bounded = name.Length > MaxToolNameLength ? name[..MaxToolNameLength] + "…" : name;
        return string.Create(bounded.Length, bounded, static (dest, s) =>
        {
            for (var i = 0; i < s.Length; i++)
                dest[i] = char.IsControl(s[i]) ? '?' : s[i];
        });
    }

    private static string Describe(TimeSpan t) =>
        t == Timeout.InfiniteTimeSpan ? "unlimited time"
        : t.TotalMinutes >= 1 && t.Seconds == 0 && t.Milliseconds == 0 ? ((int)t.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min"
        : t.TotalSeconds >= 1 ? t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
