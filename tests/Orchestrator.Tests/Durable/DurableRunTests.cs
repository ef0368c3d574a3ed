using System.Text.Json;
using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Orchestrator.Tests.Durable;

/// <summary>
/// Suspend at a gate and resume "in another process": the second half uses a new store instance on the same file,
/// a new runner, a new clock and a workflow object rebuilt from scratch, so nothing but the file carries over.
/// (A real child process would need a separate host project, which this repository does not have.)
/// </summary>
public class DurableRunTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Workflow<Ticket> TriageWorkflow(string version = "1.0") => Workflow.Create<Ticket>("ticket-triage", version)
        .Classify("classify", new KeywordClassifier(("billing", "charge"), ("tech", "crash")), t => t.Text, (t, c) =>
        {
            t.Category = c.Label;
            t.Confidence = c.Label == "other" ? 0.4 : c.Confidence;
        })
        .Transform("draft", t => t.Reply = $"About your {t.Category} issue")
        .Gate("review", t => t.Confidence < 0.7, (t, d) =>
        {
            t.Approved = d.Approved;
            t.Reviewer = d.Reviewer;
        }, t => "low confidence")
        .Transform("send", t => t.Trail.Add(t.Approved == false ? "discarded" : "sent"))
        .Build();

    [Fact]
    public async Task Suspended_run_resumes_from_another_store_and_runner_like_an_uninterrupted_one()
    {
        var path = _folder.File("checkpoints.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        string runId;
        await using (var store = new SqliteCheckpointStore(path))
        {
            var suspended = await new WorkflowRunner(checkpoints: store, time: clock).RunAsync(TriageWorkflow(), new Ticket { Text = "hello there" });

            Assert.Equal(RunStatus.Suspended, suspended.Status);
            Assert.Equal("review", suspended.SuspendedAtStep);
            Assert.Equal("low confidence", suspended.SuspendReason);
            Assert.Empty(suspended.State.Trail);
            runId = suspended.RunId;

            var stored = Assert.Single(await store.ListAsync());
            Assert.Equal(runId, stored.RunId);
            Assert.Equal("ticket-triage", stored.WorkflowName);
            Assert.Equal("1.0", stored.WorkflowVersion);
            Assert.Equal("review", stored.StepName);
            Assert.Equal(TriageWorkflow().SchemaHash, stored.SchemaHash);
            Assert.Equal("low confidence", stored.Reason);
            Assert.Equal(clock.GetUtcNow(), stored.CreatedAt);
        }

        RunResult<Ticket> resumed;
        await using (var otherStore = new SqliteCheckpointStore(path))
        {
            var otherRunner = new WorkflowRunner(checkpoints: otherStore, time: new FakeTimeProvider());
            resumed = await otherRunner.ResumeAsync(TriageWorkflow(), runId, new GateDecision(true, "agent-7"));
            Assert.Empty(await otherStore.ListAsync());
        }

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(runId, resumed.RunId);
        Assert.Equal(["review", "send"], resumed.Steps.Select(s => s.Step));
        Assert.Equal("approved", resumed.Steps[0].Outcome);

        // The same run without a process boundary: one runner, one store, one workflow instance.
        var uninterruptedRunner = new WorkflowRunner(checkpoints: new InMemoryCheckpointStore(), time: clock);
        var workflow = TriageWorkflow();
        var first = await uninterruptedRunner.RunAsync(workflow, new Ticket { Text = "hello there" });
        var uninterrupted = await uninterruptedRunner.ResumeAsync(workflow, first.RunId, new GateDecision(true, "agent-7"));

        Assert.Equal(JsonSerializer.Serialize(uninterrupted.State), JsonSerializer.Serialize(resumed.State));
        Assert.Equal(["sent"], resumed.State.Trail);
        Assert.Equal("agent-7", resumed.State.Reviewer);
    }

    [Fact]
    public async Task Gate_that_needs_no_review_lets_the_run_complete_without_a_checkpoint()
    {
        await using var store = new SqliteCheckpointStore(_folder.File("c.db"));
        var result = await new WorkflowRunner(checkpoints: store).RunAsync(TriageWorkflow(), new Ticket { Text = "double charge" });

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal("review=skipped", result.Steps.Single(s => s.Step == "review").Outcome);
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task Rejection_is_applied_and_the_run_continues_after_the_gate()
    {
        var runner = new WorkflowRunner();
        var suspended = await runner.RunAsync(TriageWorkflow(), new Ticket { Text = "something" });
        var resumed = await runner.ResumeAsync(TriageWorkflow(), suspended.RunId, new GateDecision(false, "agent-2", "wrong tone"));

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(["discarded"], resumed.State.Trail);
        Assert.Equal("rejected", resumed.Steps[0].Outcome);
    }

    [Fact]
    public async Task Resume_on_another_version_is_refused_with_both_versions_named()
    {
        var path = _folder.File("versions.db");
        await using var store = new SqliteCheckpointStore(path);
        var suspended = await new WorkflowRunner(checkpoints: store).RunAsync(TriageWorkflow("1.0"), new Ticket { Text = "hm" });

        await using var other = new SqliteCheckpointStore(path);
        var ex = await Assert.ThrowsAsync<CheckpointMismatchException>(() =>
            new WorkflowRunner(checkpoints: other).ResumeAsync(TriageWorkflow("1.1"), suspended.RunId, new GateDecision(true, "a")));

        Assert.Equal($"Run {suspended.RunId} was suspended by ticket-triage 1.0 but this is ticket-triage 1.1.", ex.Message);
        Assert.Single(await other.ListAsync());
    }

    [Fact]
    public async Task Resume_with_a_changed_state_schema_is_refused()
    {
        var path = _folder.File("schema.db");
        await using var store = new SqliteCheckpointStore(path);
        var suspended = await new WorkflowRunner(checkpoints: store).RunAsync(TriageWorkflow(), new Ticket { Text = "hm" });
        var changed = Workflow.Create<TicketV2>("ticket-triage", "1.0")
            .Gate("review", t => true, (t, d) => { })
            .Build();

        var ex = await Assert.ThrowsAsync<CheckpointMismatchException>(() =>
            new WorkflowRunner(checkpoints: store).ResumeAsync(changed, suspended.RunId, new GateDecision(true, "a")));

        Assert.Contains(suspended.RunId, ex.Message);
        Assert.Contains("TicketV2", ex.Message);
        Assert.NotEqual(TriageWorkflow().SchemaHash, changed.SchemaHash);
    }

    [Fact]
    public async Task Resume_of_an_unknown_run_says_so()
    {
        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            new WorkflowRunner().ResumeAsync(TriageWorkflow(), "no-such-run", new GateDecision(true, "a")));
        Assert.Contains("no-such-run", ex.Message);
    }

    [Fact]
    public void Schema_hash_is_stable_and_depends_on_the_state_shape()
    {
        Assert.Equal(TriageWorkflow().SchemaHash, TriageWorkflow("9.9").SchemaHash);
        var v2 = Workflow.Create<TicketV2>("x", "1").Transform("t", t => { }).Build();
        Assert.NotEqual(TriageWorkflow().SchemaHash, v2.SchemaHash);
    }
}
