using HybridAI.Governance.Audit;
using HybridAI.Governance.Review;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Governance.Tests.Review;

/// <summary>
/// What every review-queue backend must do for gated runs, run once per backend: the SQLite file (always) and the real
/// PostgreSQL server (when HYBRIDAI_POSTGRES_CONNECTION is set, and always under CI=true, where a missing server fails).
/// Each "machine" is its own <see cref="ReviewQueue"/> instance, runner and workflow object on the same storage, so
/// nothing but the storage carries over between them. PostgreSQL tests work in a fresh schema, dropped at the end.
/// </summary>
public sealed class GatedReviewTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _schema = "hitl_" + Guid.NewGuid().ToString("N")[..12];
    private bool _usedPostgres;

    public static TheoryData<string> Backends()
    {
        var backends = new TheoryData<string> { "sqlite" };
        if (!string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString)
            || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            backends.Add("postgres");
        return backends;
    }

    /// <summary>A new queue instance on this test's storage (a new "machine").</summary>
    private ReviewQueue Open(string backend)
    {
        if (backend == "sqlite")
            return new ReviewQueue(_dir.File("reviews.db"), Options);
        _usedPostgres = true;
        return ReviewQueue.OpenPostgres(PostgresGatedReviewTests.Connection, _schema, Options);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_usedPostgres)
            await PostgresGatedReviewTests.DropSchemaAsync(_schema);
    }

    internal static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider Clock { get; } = new(T0);

    private CollectingAuditSink Audit { get; } = new();

    private ReviewQueueOptions Options => new() { TimeProvider = Clock, Audit = Audit };

    public sealed class Refund
    {
        public string Customer { get; set; } = "";
        public double Risk { get; set; }
        public string Reply { get; set; } = "";
        public int Amount { get; set; }
        public string? Route { get; set; }
        public string? DecidedBy { get; set; }
    }

    internal static Workflow<Refund> Build() => Workflow.Create<Refund>("refund-approval", "1")
        .Transform("draft", r => r.Reply = $"Dear customer, we refund {r.Amount}.")
        .Gate("risk-review", GateConditions.ScoreAbove<Refund>(r => r.Risk, 0.8),
            (r, d) =>
            {
                r.Route = d.Approved ? "approved" : "rejected";
                r.DecidedBy = d.Role;
            },
            gate => gate.AllowRoles("support-lead")
                .EscalateTo("finance-manager", TimeSpan.FromHours(2))
                .RejectAfter(TimeSpan.FromHours(8))
                .AllowEdits("Reply", "Amount")
                .ShowSummary(r => $"refund of {r.Amount} for {r.Customer}"))
        .Transform("send", r => r.Reply += " [sent]")
        .Build();

    internal static Refund Risky(int amount = 900) => new() { Customer = "jane.doe@example.com", Risk = 0.93, Amount = amount };

    private static readonly Reviewer Lead = new("u-1042", "support-lead");

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_suspended_run_is_in_the_queue_with_its_gate_roles_deadlines_and_masked_summary(string backend)
    {
        await using var queue = Open(backend);
        var runner = new WorkflowRunner(checkpoints: queue.Checkpoints, time: Clock);
        var run = await runner.RunAsync(Build(), Risky());

        Assert.Equal(RunStatus.Suspended, run.Status);
        var item = Assert.Single(await queue.ListPendingAsync(), i => i.RunId == run.RunId);
        Assert.Equal(("refund-approval", "1", "risk-review", "risk 0.93 > 0.80"), (item.Workflow, item.WorkflowVersion, item.Step, item.Reason));
        Assert.Equal(["support-lead"], item.AllowedRoles);
        Assert.Equal(("finance-manager", (DateTimeOffset?)T0.AddHours(2), (DateTimeOffset?)T0.AddHours(8)), (item.EscalationRole, item.EscalateAt, item.RejectAt));
        Assert.Equal(["Reply", "Amount"], item.EditableFields);
        Assert.StartsWith("refund of 900 for <", item.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", item.Summary, StringComparison.Ordinal);
        Assert.NotNull(await queue.Checkpoints.LoadAsync(run.RunId));

        var requested = Assert.Single(Audit.Events, e => e.EventType == AuditEventType.ReviewRequested);
        Assert.Equal(run.RunId, requested.RunId);
        Assert.Contains("roles support-lead", requested.Outcome, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Another_machine_decides_with_edits_and_resumes_after_a_restart(string backend)
    {
        string runId;
        await using (var first = Open(backend))
        {
            runId = (await new WorkflowRunner(checkpoints: first.Checkpoints, time: Clock).RunAsync(Build(), Risky())).RunId;
        }

        await using var second = Open(backend);
        var runner = new WorkflowRunner(checkpoints: second.Checkpoints, time: Clock);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var decided = await second.DecideAsync(runId, Lead, approved: true, comment: "half refund",
            edits: new Dictionary<string, string> { ["Reply"] = "We refund 450 as agreed.", ["amount"] = "450" });
        Assert.Equal((ReviewStatus.Approved, "u-1042", "support-lead"), (decided.Status, decided.Reviewer, decided.ReviewerRole));
        Assert.Equal("450", decided.Edits!["amount"]);

        var done = await second.ResumeAsync(runner, Build(), runId);

        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal(("We refund 450 as agreed. [sent]", 450, "approved", "support-lead"), (done.State.Reply, done.State.Amount, done.State.Route, done.State.DecidedBy));
        Assert.Null(await second.Checkpoints.LoadAsync(runId));
        Assert.NotNull((await second.GetAsync(runId))!.ResumedAt);
        var trail = Audit.Events.Where(e => e.RunId == runId).Select(e => e.EventType).ToList();
        Assert.Equal([AuditEventType.ReviewRequested, AuditEventType.GateDecision, AuditEventType.RunResumed], trail);
        var decision = Audit.Events.Single(e => e.EventType == AuditEventType.GateDecision);
        Assert.Equal(("approved with edits to Reply, amount", "u-1042", "support-lead"), (decision.Outcome, decision.Actor, decision.ActorRole));
        Assert.DoesNotContain(Audit.Events, e => (e.Outcome ?? "").Contains("jane", StringComparison.Ordinal) || (e.Outcome ?? "").Contains("450 as agreed", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Two_machines_deciding_at_once_exactly_one_wins(string backend)
    {
        await using var a = Open(backend);
        await using var b = Open(backend);
        var runIds = new List<string>();
        var runner = new WorkflowRunner(checkpoints: a.Checkpoints, time: Clock);
        for (var i = 0; i < 5; i++)
            runIds.Add((await runner.RunAsync(Build(), Risky())).RunId);

        foreach (var runId in runIds)
        {
            var approve = Attempt(() => a.DecideAsync(runId, new Reviewer("u-1", "support-lead"), approved: true));
            var reject = Attempt(() => b.DecideAsync(runId, new Reviewer("u-2", "support-lead"), approved: false));
            var outcomes = await Task.WhenAll(approve, reject);
            var winner = Assert.Single(outcomes, o => o.Item is not null).Item!;
            var loser = Assert.Single(outcomes, o => o.Error is not null).Error!;
            Assert.IsType<ReviewAlreadyDecidedException>(loser);
            Assert.Equal(winner.Status, (await b.GetAsync(runId))!.Status);
            Assert.Equal(winner.Status, (await a.GetAsync(runId))!.Status);
        }
    }

    private static async Task<(ReviewItem? Item, Exception? Error)> Attempt(Func<Task<ReviewItem>> decide)
    {
        await Task.Yield();
        try
        {
            return (await decide(), null);
        }
        catch (ReviewAlreadyDecidedException e)
        {
            return (null, e);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_role_the_gate_does_not_allow_is_refused_by_name_and_nothing_changes(string backend)
    {
        await using var queue = Open(backend);
        var run = await new WorkflowRunner(checkpoints: queue.Checkpoints, time: Clock).RunAsync(Build(), Risky());

        var e = await Assert.ThrowsAsync<ReviewNotAllowedException>(() => queue.DecideAsync(run.RunId, new Reviewer("jane.doe@example.com", "intern"), approved: true));
        Assert.Equal(("risk-review", "intern"), (e.Gate, e.Role));
        Assert.Contains("Role 'intern' may not decide gate 'risk-review'", e.Message, StringComparison.Ordinal);
        Assert.Contains("support-lead", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ReviewNotAllowedException>(() => queue.DecideAsync(run.RunId, approved: true, reviewer: "someone"));

        var item = (await queue.GetAsync(run.RunId))!;
        Assert.Equal((ReviewStatus.Pending, (string?)null), (item.Status, item.Reviewer));
        var refused = Audit.Events.First(ev => ev.EventType == AuditEventType.ReviewerAction);
        Assert.Equal(("refused: role intern may not decide this gate", "intern"), (refused.Outcome, refused.ActorRole));
        Assert.DoesNotContain("jane", refused.Actor, StringComparison.Ordinal);
        Assert.NotNull(await queue.Checkpoints.LoadAsync(run.RunId));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Bad_edits_are_refused_before_anything_is_recorded(string backend)
    {
        await using var queue = Open(backend);
        var run = await new WorkflowRunner(checkpoints: queue.Checkpoints, time: Clock).RunAsync(Build(), Risky());

        var field = await Assert.ThrowsAsync<ArgumentException>(() => queue.DecideAsync(run.RunId, Lead, true, edits: new Dictionary<string, string> { ["Route"] = "approved" }));
        Assert.Contains("field 'Route' may not be edited (the gate allows only Reply, Amount)", field.Message, StringComparison.Ordinal);
        var type = await Assert.ThrowsAsync<ArgumentException>(() => queue.DecideAsync(run.RunId, Lead, true, edits: new Dictionary<string, string> { ["Amount"] = "lots" }));
        Assert.Contains("field 'Amount' is not valid JSON", type.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lots", type.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => queue.DecideAsync(run.RunId, Lead, false, edits: new Dictionary<string, string> { ["Reply"] = "x" }));

        Assert.Equal(ReviewStatus.Pending, (await queue.GetAsync(run.RunId))!.Status);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Resuming_a_pending_unknown_used_up_or_checkpointless_run_is_a_clear_error(string backend)
    {
        await using var queue = Open(backend);
        var runner = new WorkflowRunner(checkpoints: queue.Checkpoints, time: Clock);
        var workflow = Build();
        var run = await runner.RunAsync(workflow, Risky());

        var pending = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.ResumeAsync(runner, workflow, run.RunId));
        Assert.Contains("still waiting for a decision at gate 'risk-review'", pending.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<KeyNotFoundException>(() => queue.ResumeAsync(runner, workflow, "no-such-run"));
        Assert.Contains("no-such-run", unknown.Message, StringComparison.Ordinal);

        await queue.DecideAsync(run.RunId, Lead, approved: false, comment: "fraud");
        var rejected = await queue.ResumeAsync(runner, workflow, run.RunId);
        Assert.Equal(("rejected", RunStatus.Completed), (rejected.State.Route, rejected.Status));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.ResumeAsync(runner, workflow, run.RunId));
        Assert.Contains("already resumed", again.Message, StringComparison.Ordinal);
        var decideAgain = await Assert.ThrowsAsync<ReviewAlreadyDecidedException>(() => queue.DecideAsync(run.RunId, Lead, approved: true));
        Assert.Equal(ReviewStatus.Rejected, decideAgain.Status);

        // A review whose checkpoint never reached this store.
        await queue.EnqueueAsync(new ReviewItem { RunId = "orphan", Workflow = "refund-approval", Step = "risk-review", Reason = "by hand", CreatedAt = T0 });
        await queue.DecideAsync("orphan", Lead, approved: true);
        var orphan = await Assert.ThrowsAsync<KeyNotFoundException>(() => queue.ResumeAsync(runner, workflow, "orphan"));
        Assert.Contains("has no checkpoint to resume from", orphan.Message, StringComparison.Ordinal);
        Assert.Null((await queue.GetAsync("orphan"))!.ResumedAt);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Undecided_reviews_escalate_then_close_as_rejected_by_the_clock(string backend)
    {
        await using var queue = Open(backend);
        var runner = new WorkflowRunner(checkpoints: queue.Checkpoints, time: Clock);
        var run = await runner.RunAsync(Build(), Risky());
        var manager = new Reviewer("u-7", "finance-manager");

        Clock.Advance(TimeSpan.FromHours(1));
        var early = await queue.ProcessTimeoutsAsync();
        Assert.Empty(early.Escalated);
        var notYet = await Assert.ThrowsAsync<ReviewNotAllowedException>(() => queue.DecideAsync(run.RunId, manager, true));
        Assert.Contains("(finance-manager after escalation)", notYet.Message, StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromHours(1));
        var escalated = await queue.ProcessTimeoutsAsync();
        Assert.Equal([run.RunId], escalated.Escalated.Select(i => i.RunId));
        Assert.Empty((await queue.ProcessTimeoutsAsync()).Escalated); // once only
        Assert.True((await queue.GetAsync(run.RunId))!.Allows("finance-manager"));
        Assert.Contains(Audit.Events, e => e.EventType == AuditEventType.ReviewEscalated && e.RunId == run.RunId && e.Outcome == "escalated to role finance-manager");

        // A second run nobody decides, past its final deadline.
        var late = await runner.RunAsync(Build(), Risky());
        Clock.Advance(TimeSpan.FromHours(8));
        var timeouts = await queue.ProcessTimeoutsAsync();
        Assert.Equal(new[] { run.RunId, late.RunId }.Order(StringComparer.Ordinal), timeouts.Rejected.Select(i => i.RunId).Order(StringComparer.Ordinal));
        var closed = (await queue.GetAsync(late.RunId))!;
        Assert.Equal((ReviewStatus.Rejected, ReviewQueue.TimeoutReviewer), (closed.Status, closed.Reviewer));
        var resumed = await queue.ResumeAsync(runner, Build(), late.RunId);
        Assert.Equal("rejected", resumed.State.Route);
        await Assert.ThrowsAsync<ReviewAlreadyDecidedException>(() => queue.DecideAsync(late.RunId, manager, true));
    }

    /// <summary>Runs, decides and claims a run's resume on its own queue, then "dies": the queue closes, the run never ends.</summary>
    private async Task<string> ClaimAndDieAsync(string backend)
    {
        await using var doomed = Open(backend);
        var run = await new WorkflowRunner(checkpoints: doomed.Checkpoints, time: Clock).RunAsync(Build(), Risky());
        await doomed.DecideAsync(run.RunId, Lead, approved: true);
        await doomed.ClaimResumeAsync(run.RunId, requireCheckpoint: true, CancellationToken.None);
        return run.RunId;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task An_abandoned_resume_claim_is_listed_and_taken_over_after_the_lease_not_before(string backend)
    {
        var runId = await ClaimAndDieAsync(backend);
        await using var queue = Open(backend);
        var runner = new WorkflowRunner(checkpoints: queue.Checkpoints, time: Clock);
        Assert.Equal(T0, (await queue.GetAsync(runId))!.ClaimedAt);

        Clock.Advance(ReviewQueueOptions.DefaultResumeLease - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await queue.ListAwaitingResumeAsync(), i => i.RunId == runId);
        var early = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.ResumeAsync(runner, Build(), runId));
        Assert.Contains("is being resumed by another process", early.Message, StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains(await queue.ListAwaitingResumeAsync(), i => i.RunId == runId);
        var done = await queue.ResumeAsync(runner, Build(), runId);

        Assert.Equal(("approved", RunStatus.Completed), (done.State.Route, done.Status));
        Assert.Null(await queue.Checkpoints.LoadAsync(runId));
        Assert.Equal(Clock.GetUtcNow(), (await queue.GetAsync(runId))!.ClaimedAt);
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.DoesNotContain(await queue.ListAwaitingResumeAsync(), i => i.RunId == runId); // a finished run stays finished
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => queue.ResumeAsync(runner, Build(), runId));
        Assert.Contains("already resumed", again.Message, StringComparison.Ordinal);
        var resumes = Audit.Events.Where(e => e.RunId == runId && e.EventType == AuditEventType.RunResumed).Select(e => e.Outcome).ToList();
        Assert.Equal(2, resumes.Count);
        Assert.StartsWith("resume claim recovered: the claim of 2026-03-01 09:00:00Z passed its lease", resumes[0], StringComparison.Ordinal);
        Assert.Equal("resumed: completed", resumes[1]);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Two_machines_recovering_one_abandoned_claim_exactly_one_wins(string backend)
    {
        var runIds = new List<string>();
        for (var i = 0; i < 4; i++)
            runIds.Add(await ClaimAndDieAsync(backend));
        Clock.Advance(ReviewQueueOptions.DefaultResumeLease + TimeSpan.FromMinutes(1));
        await using var a = Open(backend);
        await using var b = Open(backend);
        var runnerA = new WorkflowRunner(checkpoints: a.Checkpoints, time: Clock);
        var runnerB = new WorkflowRunner(checkpoints: b.Checkpoints, time: Clock);

        foreach (var runId in runIds)
        {
            var outcomes = await Task.WhenAll(Recover(() => a.ResumeAsync(runnerA, Build(), runId)), Recover(() => b.ResumeAsync(runnerB, Build(), runId)));
            var winner = Assert.Single(outcomes, o => o.Result is not null).Result!;
            Assert.Equal(("approved", RunStatus.Completed), (winner.State.Route, winner.Status));
            Assert.IsType<InvalidOperationException>(Assert.Single(outcomes, o => o.Error is not null).Error);
            Assert.Null(await a.Checkpoints.LoadAsync(runId));
            Assert.Single(Audit.Events, e => e.RunId == runId && e.Outcome == "resumed: completed");
            Assert.Single(Audit.Events, e => e.RunId == runId && (e.Outcome ?? "").StartsWith("resume claim recovered", StringComparison.Ordinal));
        }
    }

    private static async Task<(RunResult<Refund>? Result, Exception? Error)> Recover(Func<Task<RunResult<Refund>>> resume)
    {
        await Task.Yield();
        try
        {
            return (await resume(), null);
        }
        catch (InvalidOperationException e)
        {
            return (null, e);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_live_claim_within_its_lease_is_not_stolen_even_once_recovered(string backend)
    {
        await using var holder = Open(backend);
        await using var other = Open(backend);
        var runner = new WorkflowRunner(checkpoints: other.Checkpoints, time: Clock);
        var run = await new WorkflowRunner(checkpoints: holder.Checkpoints, time: Clock).RunAsync(Build(), Risky());
        await holder.DecideAsync(run.RunId, Lead, approved: true);
        await holder.ClaimResumeAsync(run.RunId, requireCheckpoint: true, CancellationToken.None);

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.DoesNotContain(await other.ListAwaitingResumeAsync(), i => i.RunId == run.RunId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.ResumeAsync(runner, Build(), run.RunId));

        // Past the lease another machine takes it over; that claim is a fresh lease, not free for the next one to take.
        Clock.Advance(TimeSpan.FromMinutes(6));
        var (_, recovered) = await other.ClaimResumeAsync(run.RunId, requireCheckpoint: true, CancellationToken.None);
        Assert.False(string.IsNullOrEmpty(recovered));
        Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.DoesNotContain(await holder.ListAwaitingResumeAsync(), i => i.RunId == run.RunId);
        var stolen = await Assert.ThrowsAsync<InvalidOperationException>(() => holder.ResumeAsync(new WorkflowRunner(checkpoints: holder.Checkpoints, time: Clock), Build(), run.RunId));
        Assert.Contains("claimed 2026-03-01 09:11:00Z", stolen.Message, StringComparison.Ordinal);
        Assert.NotNull(await holder.Checkpoints.LoadAsync(run.RunId));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_resume_claim_lease_is_configurable_and_must_be_positive(string backend)
    {
        var runId = await ClaimAndDieAsync(backend);
        await using var quick = backend == "sqlite"
            ? new ReviewQueue(_dir.File("reviews.db"), new ReviewQueueOptions { TimeProvider = Clock, ResumeLease = TimeSpan.FromMinutes(1) })
            : ReviewQueue.OpenPostgres(PostgresGatedReviewTests.Connection, _schema, new ReviewQueueOptions { TimeProvider = Clock, ResumeLease = TimeSpan.FromMinutes(1) });
        Assert.DoesNotContain(await quick.ListAwaitingResumeAsync(), i => i.RunId == runId);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(await quick.ListAwaitingResumeAsync(), i => i.RunId == runId);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => new ReviewQueueOptions { ResumeLease = TimeSpan.Zero });
        Assert.Contains("ResumeLease", bad.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_run_resumed_around_the_queue_withdraws_its_review(string backend)
    {
        await using var queue = Open(backend);
        var runner = new WorkflowRunner(checkpoints: queue.Checkpoints, time: Clock);
        var run = await runner.RunAsync(Build(), Risky());

        var done = await runner.ResumeAsync(Build(), run.RunId, new GateDecision(true, "u-9"));

        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal(ReviewStatus.Withdrawn, (await queue.GetAsync(run.RunId))!.Status);
        Assert.DoesNotContain(await queue.ListPendingAsync(), i => i.RunId == run.RunId);
        await Assert.ThrowsAsync<ReviewAlreadyDecidedException>(() => queue.DecideAsync(run.RunId, Lead, true));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task The_timeout_loop_closes_an_expired_review_and_wakes_its_waiter(string backend)
    {
        await using var queue = Open(backend);
        var run = await new WorkflowRunner(checkpoints: queue.Checkpoints, time: Clock).RunAsync(Build(), Risky());
        using var stop = new CancellationTokenSource();
        var loop = queue.RunTimeoutsAsync(TimeSpan.FromMinutes(10), stop.Token);

        Clock.Advance(TimeSpan.FromHours(9));
        var closed = await queue.WaitForDecisionAsync(run.RunId, TimeSpan.FromMinutes(1));

        Assert.Equal((ReviewStatus.Rejected, ReviewQueue.TimeoutReviewer), (closed.Status, closed.Reviewer));
        Assert.Contains(Audit.Events, e => e.EventType == AuditEventType.GateDecision && e.RunId == run.RunId && e.Actor == ReviewQueue.TimeoutReviewer && (e.Outcome ?? "").Contains("final deadline", StringComparison.Ordinal));
        await stop.CancelAsync();
        await loop;
    }
}
