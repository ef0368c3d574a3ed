using HybridAI.Governance.Review;
using HybridAI.Governance.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Governance.Tests.Review;

public class ReviewQueueTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(T0.AddHours(1));

    public void Dispose() => _dir.Dispose();

    private static ReviewItem Item(string runId, int minutes) => new()
    {
        RunId = runId,
        Workflow = "refund-approval",
        Step = "gate",
        Reason = "amount 1200 > 500",
        Summary = "Refund for <PERSON_1>, card <CREDIT_CARD_1>",
        CreatedAt = T0.AddMinutes(minutes),
    };

    [Fact]
    public async Task Enqueue_list_and_decide()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"), _time);
        Assert.True(await queue.EnqueueAsync(Item("run-b", 5)));
        Assert.True(await queue.EnqueueAsync(Item("run-a", 1)));
        Assert.True(await queue.EnqueueAsync(Item("run-c", 9)));

        Assert.Equal(["run-a", "run-b", "run-c"], (await queue.ListPendingAsync()).Select(i => i.RunId));

        var decided = await queue.DecideAsync("run-b", approved: false, reviewer: "agent-7", comment: "duplicate request");
        Assert.Equal(ReviewStatus.Rejected, decided.Status);
        Assert.Equal(("agent-7", "duplicate request", (DateTimeOffset?)_time.GetUtcNow()), (decided.Reviewer, decided.Comment, decided.DecidedAt));
        Assert.Equal(["run-a", "run-c"], (await queue.ListPendingAsync()).Select(i => i.RunId));

        var approved = await queue.DecideAsync("run-a", approved: true, reviewer: "agent-7");
        Assert.Equal(ReviewStatus.Approved, approved.Status);
        Assert.Null(approved.Comment);
    }

    [Fact]
    public async Task Enqueue_is_idempotent_per_run()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"), _time);
        Assert.True(await queue.EnqueueAsync(Item("run-1", 1)));
        Assert.False(await queue.EnqueueAsync(Item("run-1", 2) with { Reason = "other" }));
        var item = Assert.Single(await queue.ListPendingAsync());
        Assert.Equal("amount 1200 > 500", item.Reason);
        Assert.Equal(T0.AddMinutes(1), item.CreatedAt);
    }

    [Fact]
    public async Task Enqueue_masks_personal_data_in_reason_and_summary()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"), _time);
        Assert.True(await queue.EnqueueAsync(Item("run-pii", 1) with
        {
            Reason = "customer jane.roe@example.org disputes a charge",
            Summary = "Refund to card 4111 1111 1111 1111",
        }));

        var item = Assert.Single(await queue.ListPendingAsync());
        Assert.DoesNotContain("jane.roe@example.org", item.Reason, StringComparison.Ordinal);
        Assert.Contains("<EMAIL_1>", item.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111 1111 1111", item.Summary!, StringComparison.Ordinal);
        Assert.Equal("Refund for <PERSON_1>, card <CREDIT_CARD_1>", (await EnqueueAndGet(queue, "run-placeholders")).Summary); // placeholders stay as they are
    }

    private static async Task<ReviewItem> EnqueueAndGet(ReviewQueue queue, string runId)
    {
        Assert.True(await queue.EnqueueAsync(Item(runId, 2)));
        return (await queue.GetAsync(runId))!;
    }

    [Fact]
    public async Task Items_persist_across_reopen()
    {
        var path = _dir.File("reviews.db");
        await using (var queue = new ReviewQueue(path, _time))
        {
            await queue.EnqueueAsync(Item("run-1", 1));
            await queue.EnqueueAsync(Item("run-2", 2));
            await queue.DecideAsync("run-1", approved: true, reviewer: "lead", comment: "ok");
        }
        await using (var reopened = new ReviewQueue(path, _time))
        {
            Assert.Equal(Item("run-2", 2), Assert.Single(await reopened.ListPendingAsync()));
            var decided = await reopened.GetAsync("run-1");
            Assert.NotNull(decided);
            Assert.Equal(Item("run-1", 1) with { Status = ReviewStatus.Approved, Reviewer = "lead", Comment = "ok", DecidedAt = _time.GetUtcNow() }, decided);
            Assert.Null(await reopened.GetAsync("run-unknown"));
        }
    }

    [Fact]
    public async Task Deciding_twice_or_an_unknown_run_fails_clearly()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"), _time);
        await queue.EnqueueAsync(Item("run-1", 1));
        await queue.DecideAsync("run-1", approved: true, reviewer: "lead");

        var twice = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => queue.DecideAsync("run-1", approved: false, reviewer: "other"));
        Assert.Contains("run-1", twice.Message, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Approved, (await queue.GetAsync("run-1"))!.Status);

        var unknown = await Assert.ThrowsAsync<KeyNotFoundException>(() => queue.DecideAsync("run-9", approved: true, reviewer: "lead"));
        Assert.Contains("run-9", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_fields_are_named()
    {
        await using var queue = new ReviewQueue(_dir.File("reviews.db"), _time);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync(Item("run-1", 1) with { Reason = " " }));
        Assert.Equal("Reason", ex.ParamName);
    }
}
