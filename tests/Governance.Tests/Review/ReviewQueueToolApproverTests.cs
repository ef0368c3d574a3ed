using System.Text.Json;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Review;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Governance.Tests.Review;

public sealed class ReviewQueueToolApproverTests : IDisposable
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111 1111 1111 1111";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static FunctionCallContent RefundCall() => new("call_1", "issue_refund", new Dictionary<string, object?>
    {
        ["order_id"] = JsonSerializer.SerializeToElement("A-1042"),
        ["amount"] = JsonSerializer.SerializeToElement(250),
        ["customer_email"] = JsonSerializer.SerializeToElement(Email),
        ["note"] = JsonSerializer.SerializeToElement($"card {Card}, mail {Email}"),
    });

    /// <summary>A reviewer at the queue: waits for the first pending item, then decides it.</summary>
    private static async Task<ReviewItem> ReviewFirstAsync(ReviewQueue queue, bool approve, string reviewer = "agent-7")
    {
        while (true)
        {
            var pending = await queue.ListPendingAsync();
            if (pending.Count > 0)
            {
                var item = pending[0];
                await queue.DecideAsync(item.RunId, approve, reviewer, approve ? null : "refunds need a receipt");
                return item;
            }

            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_call_approved_by_a_reviewer_is_approved_and_the_item_shows_the_call_masked()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"));
        await using var audit = new SqliteAuditLog(_dir.File("audit.db"));
        var approver = new ReviewQueueToolApprover(queue, new ReviewQueueToolApproverOptions { Workflow = "refund-agent", Audit = audit });

        var reviewer = ReviewFirstAsync(queue, approve: true);
        var answer = await approver.ApproveAsync(RefundCall(), CancellationToken.None);
        var seen = await reviewer;

        Assert.True(answer.IsApproved);
        Assert.Equal(("refund-agent", "tool:issue_refund"), (seen.Workflow, seen.Step));
        Assert.Contains("issue_refund", seen.Reason, StringComparison.Ordinal);
        Assert.StartsWith("issue_refund(order_id=\"A-1042\", amount=250, customer_email=\"<EMAIL_1>\"", seen.Summary, StringComparison.Ordinal);
        Assert.Contains("<EMAIL_1>", seen.Summary!.Split("note=")[1], StringComparison.Ordinal);
        Assert.Contains("<CREDIT_CARD_1>", seen.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, seen.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", seen.Summary, StringComparison.Ordinal);
        var stored = await queue.GetAsync(seen.RunId);
        Assert.Equal((ReviewStatus.Approved, "agent-7"), (stored!.Status, stored.Reviewer));

        await audit.FlushAsync();
        var events = await audit.ReadAsync(seen.RunId);
        Assert.Equal([AuditEventType.ToolApprovalRequested, AuditEventType.ToolApproved], events.Select(e => e.EventType));
        Assert.All(events, e => Assert.Equal((StepKind.CallTool, "tool:issue_refund", "refund-agent"), (e.Kind, e.Step, e.Workflow)));
        Assert.Equal("tool=issue_refund decision=approved reviewer=agent-7", events[1].Outcome);
        Assert.All(events, e => Assert.DoesNotContain(Email, e.Outcome, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_call_rejected_by_a_reviewer_is_rejected_with_a_reason_and_audited()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"));
        await using var audit = new SqliteAuditLog(_dir.File("audit.db"));
        var approver = new ReviewQueueToolApprover(queue, new ReviewQueueToolApproverOptions { Audit = audit });

        var reviewer = ReviewFirstAsync(queue, approve: false, reviewer: "agent-9");
        var answer = await approver.ApproveAsync(RefundCall(), CancellationToken.None);
        var seen = await reviewer;

        Assert.False(answer.IsApproved);
        Assert.Equal("a reviewer rejected it", answer.Reason);
        await audit.FlushAsync();
        var decided = (await audit.ReadAsync(seen.RunId))[^1];
        Assert.Equal((AuditEventType.ToolRejected, "tool=issue_refund decision=rejected reviewer=agent-9"), (decided.EventType, decided.Outcome));
    }

    [Fact]
    public async Task A_decision_made_by_another_process_on_the_same_file_is_seen_by_polling()
    {
        var path = _dir.File("reviews.db");
        await using var queue = new ReviewQueue(path);
        await using var elsewhere = new ReviewQueue(path);   // what `hybridai review approve` opens
        var approver = new ReviewQueueToolApprover(queue, new ReviewQueueToolApproverOptions { PollInterval = TimeSpan.FromMilliseconds(20) });

        var reviewer = ReviewFirstAsync(elsewhere, approve: true);
        var answer = await approver.ApproveAsync(RefundCall(), CancellationToken.None);
        await reviewer;

        Assert.True(answer.IsApproved);
    }

    [Fact]
    public async Task No_decision_within_the_timeout_counts_as_rejected_and_a_late_approval_is_refused()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var queue = new ReviewQueue(_dir.File("reviews.db"));
        await using var audit = new SqliteAuditLog(_dir.File("audit.db"));
        var approver = new ReviewQueueToolApprover(queue, new ReviewQueueToolApproverOptions
        {
            Timeout = TimeSpan.FromMinutes(5),
            TimeProvider = time,
            Audit = audit,
        });

        var asking = approver.ApproveAsync(RefundCall(), CancellationToken.None).AsTask();
        while (!asking.IsCompleted)
        {
            // Nobody reviews; the clock moves on until the approver gives up.
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(asking, Task.Delay(20));
        }

        var answer = await asking;
        Assert.False(answer.IsApproved);
        Assert.Equal("no reviewer decided within 5 min, so it counts as rejected", answer.Reason);
        Assert.Empty(await queue.ListPendingAsync());
        await audit.FlushAsync();

        var itemId = await OnlyReviewIdAsync(_dir.File("reviews.db"));
        var closed = await queue.GetAsync(itemId);
        Assert.Equal((ReviewStatus.Rejected, ReviewQueueToolApproverOptions.TimeoutReviewer), (closed!.Status, closed.Reviewer));
        var late = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => queue.DecideAsync(itemId, approved: true, reviewer: "agent-7"));
        Assert.Contains("already decided", late.Message, StringComparison.Ordinal);
        var events = await audit.ReadAsync(itemId);
        Assert.Equal((AuditEventType.ToolRejected, "tool=issue_refund decision=timeout after=5 min"), (events[^1].EventType, events[^1].Outcome));
    }

    [Fact]
    public async Task Cancelling_the_request_stops_waiting_and_closes_the_review()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"));
        var approver = new ReviewQueueToolApprover(queue);
        using var cancel = new CancellationTokenSource();

        var asking = approver.ApproveAsync(RefundCall(), cancel.Token).AsTask();
        while ((await queue.ListPendingAsync()).Count == 0)
            await Task.Delay(10);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
        var closed = await queue.GetAsync(await OnlyReviewIdAsync(_dir.File("reviews.db")));
        Assert.Equal((ReviewStatus.Rejected, ReviewQueueToolApproverOptions.CancelledReviewer), (closed!.Status, closed.Reviewer));
    }

    [Fact]
    public async Task Each_call_gets_its_own_review_even_when_the_model_reuses_a_call_id()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"));
        var approver = new ReviewQueueToolApprover(queue);

        var first = ReviewFirstAsync(queue, approve: true);
        Assert.True((await approver.ApproveAsync(RefundCall(), CancellationToken.None)).IsApproved);
        var firstId = (await first).RunId;
        var second = ReviewFirstAsync(queue, approve: false);
        Assert.False((await approver.ApproveAsync(RefundCall(), CancellationToken.None)).IsApproved);

        Assert.NotEqual(firstId, (await second).RunId);
    }

    [Fact]
    public async Task Waiting_on_a_review_that_does_not_exist_names_it()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"));

        var e = await Assert.ThrowsAsync<KeyNotFoundException>(() => queue.WaitForDecisionAsync("tool-missing", TimeSpan.FromSeconds(1)));

        Assert.Contains("tool-missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, "Timeout")]
    [InlineData(-5, 1, "Timeout")]
    [InlineData(60, 0, "PollInterval")]
    public async Task Bad_options_are_named(int timeoutSeconds, int pollSeconds, string option)
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReviewQueueToolApprover(queue, new ReviewQueueToolApproverOptions
        {
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            PollInterval = TimeSpan.FromSeconds(pollSeconds),
        }));

        Assert.Contains(option, e.Message, StringComparison.Ordinal);
    }

    private static async Task<string> OnlyReviewIdAsync(string path)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id FROM reviews";
        return Assert.IsType<string>(await command.ExecuteScalarAsync());
    }
}
