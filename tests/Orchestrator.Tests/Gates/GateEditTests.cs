namespace HybridAI.Orchestrator.Tests.Gates;

public class GateEditTests
{
    private sealed class Refund
    {
        public decimal Amount { get; set; }
        public string Reply { get; set; } = "";
        public string? Route { get; set; }
        public List<string> Tags { get; set; } = [];
        public string? SeenBy { get; set; }
    }

    private static Workflow<Refund> Build() => Workflow.Create<Refund>("refund", "1")
        .Transform("draft", r => r.Reply = $"We refund {r.Amount}.")
        .Gate("review", GateConditions.ScoreAbove<Refund>(r => (double)r.Amount, 500, "amount"),
            (r, d) =>
            {
                r.Route = d.Approved ? "approved" : "rejected";
                r.SeenBy = d.Role;
            },
            gate => gate.AllowRoles("lead").AllowEdits("reply", "amount", "tags").ShowSummary(r => $"refund of {r.Amount}"))
        .Transform("send", r => r.Reply += " [sent]")
        .Build();

    [Fact]
    public async Task Suspension_carries_the_gate_options_and_an_edited_approval_reaches_the_rest_of_the_run()
    {
        var store = new InMemoryCheckpointStore();
        var runner = new WorkflowRunner(checkpoints: store);
        var workflow = Build();
        var suspended = await runner.RunAsync(workflow, new Refund { Amount = 900 });
        Assert.Equal(RunStatus.Suspended, suspended.Status);
        Assert.Equal("amount 900.00 > 500.00", suspended.SuspendReason);
        var review = (await store.LoadAsync(suspended.RunId))!.Review!;
        Assert.Equal(["lead"], review.AllowedRoles);
        Assert.Equal("refund of 900", review.Summary);
        Assert.Equal(["reply", "amount", "tags"], review.EditableFields);

        var decision = new GateDecision(true, "u-1", "tone")
        {
            Role = "lead",
            Edits = new Dictionary<string, string> { ["reply"] = "We refund 450, as agreed.", ["Amount"] = "450", ["tags"] = """["partial"]""" },
        };
        var done = await runner.ResumeAsync(workflow, suspended.RunId, decision);

        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal("We refund 450, as agreed. [sent]", done.State.Reply);
        Assert.Equal(450m, done.State.Amount);
        Assert.Equal(["partial"], done.State.Tags);
        Assert.Equal(("approved", "lead"), (done.State.Route, done.State.SeenBy));
    }

    [Theory]
    [InlineData("route", "approved", "may not be edited")]
    [InlineData("amount", "four hundred", "field 'Amount' is not valid JSON for a number")]
    [InlineData("amount", "\"450\"", "the edited state cannot be read")]
    public async Task A_bad_edit_is_a_clear_error_and_the_checkpoint_stays(string field, string value, string expected)
    {
        var store = new InMemoryCheckpointStore();
        var runner = new WorkflowRunner(checkpoints: store);
        var workflow = Build();
        var suspended = await runner.RunAsync(workflow, new Refund { Amount = 900 });

        var e = await Assert.ThrowsAsync<ArgumentException>(() => runner.ResumeAsync(workflow, suspended.RunId,
            new GateDecision(true, "u-1") { Edits = new Dictionary<string, string> { [field] = value } }));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, e.Message, StringComparison.Ordinal);
        Assert.NotNull(await store.LoadAsync(suspended.RunId));

        var done = await runner.ResumeAsync(workflow, suspended.RunId, new GateDecision(true, "u-1"));
        Assert.Equal("We refund 900. [sent]", done.State.Reply);
    }

    [Fact]
    public async Task A_rejection_with_edits_is_refused()
    {
        var runner = new WorkflowRunner();
        var workflow = Build();
        var suspended = await runner.RunAsync(workflow, new Refund { Amount = 900 });
        var e = await Assert.ThrowsAsync<ArgumentException>(() => runner.ResumeAsync(workflow, suspended.RunId,
            new GateDecision(false, "u-1") { Edits = new Dictionary<string, string> { ["reply"] = "x" } }));
        Assert.Contains("rejection cannot carry edits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gate_whose_condition_does_not_hold_lets_the_run_through()
    {
        var done = await new WorkflowRunner().RunAsync(Build(), new Refund { Amount = 100 });
        Assert.Equal(RunStatus.Completed, done.Status);
        Assert.Equal("We refund 100. [sent]", done.State.Reply);
    }

    [Fact]
    public void Reject_deadline_before_escalation_is_refused_when_built()
    {
        var e = Assert.Throws<ArgumentException>(() => Workflow.Create<Refund>("refund", "1")
            .Gate("review", GateConditions.When<Refund>(_ => true, "always"), (_, _) => { },
                g => g.EscalateTo("manager", TimeSpan.FromHours(2)).RejectAfter(TimeSpan.FromHours(1))));
        Assert.Contains("Gate 'review'", e.Message, StringComparison.Ordinal);
    }
}
