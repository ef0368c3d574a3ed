using HybridAI.Orchestrator.Tests.Support;

namespace HybridAI.Orchestrator.Tests.Building;

public class WorkflowBuilderTests
{
    [Fact]
    public void Build_lists_steps_in_order_with_their_kinds_and_a_schema_hash()
    {
        var wf = Workflow.Create<Ticket>("triage", "1.0")
            .Classify("classify", new KeywordClassifier(("billing", "charge")), t => t.Text, (t, c) => t.Category = c.Label)
            .Branch("route", t => Workflow.End, "classify")
            .Gate("review", t => false, (t, d) => { })
            .Transform("done", t => { })
            .Build();

        Assert.Equal("triage", wf.Name);
        Assert.Equal("1.0", wf.Version);
        Assert.Equal(
            [new StepInfo("classify", StepKind.Classify), new StepInfo("route", StepKind.Branch), new StepInfo("review", StepKind.Gate), new StepInfo("done", StepKind.Transform)],
            wf.Steps);
        Assert.Matches("^[0-9a-f]{64}$", wf.SchemaHash);
    }

    [Fact]
    public void Empty_workflow_is_refused_naming_it()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("empty-wf", "1.0").Build());
        Assert.Contains("empty-wf", ex.Message);
    }

    [Fact]
    public void Duplicate_step_name_is_refused_naming_workflow_and_step()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("dup-wf", "1.0")
            .Transform("normalise", t => { })
            .Transform("normalise", t => { })
            .Build());
        Assert.Contains("dup-wf", ex.Message);
        Assert.Contains("'normalise'", ex.Message);
    }

    [Fact]
    public void Missing_branch_target_is_refused_naming_step_and_target()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("branchy", "1.0")
            .Branch("route", t => "nowhere", "draft", "nowhere")
            .Transform("draft", t => { })
            .Build());
        Assert.Contains("branchy", ex.Message);
        Assert.Contains("'route'", ex.Message);
        Assert.Contains("'nowhere'", ex.Message);
    }

    [Fact]
    public void End_as_a_branch_target_is_allowed()
    {
        var wf = Workflow.Create<Ticket>("ends", "1.0").Branch("route", t => Workflow.End, Workflow.End).Build();
        Assert.Single(wf.Steps);
    }

    [Fact]
    public void Reserved_step_name_is_refused()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("reserved", "1.0").Transform(Workflow.End, t => { }).Build());
        Assert.Contains("reserved", ex.Message);
    }

    [Fact]
    public void State_that_loses_data_in_json_is_refused()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<LossyState>("lossy", "1.0").Transform("t", s => { }).Build());
        Assert.Contains("lossy", ex.Message);
        Assert.Contains(nameof(LossyState), ex.Message);
    }

    [Fact]
    public void State_that_cannot_be_serialized_is_refused()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<TypeHoldingState>("typed", "1.0").Transform("t", s => { }).Build());
        Assert.Contains("typed", ex.Message);
        Assert.Contains(nameof(TypeHoldingState), ex.Message);
    }

    [Fact]
    public void Sample_state_is_checked_too()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<ReadOnlyListState>("sampled", "1.0")
            .Transform("t", s => { })
            .WithSampleState(new ReadOnlyListState(["a"]))
            .Build());
        Assert.Contains("sampled", ex.Message);
    }

    [Fact]
    public void Invalid_circuit_breaker_options_are_refused_naming_the_step()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("cb-wf", "1.0")
            .Transform("call", t => { }, o => o.WithCircuitBreaker(0.5, minimumThroughput: 1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)))
            .Build());
        Assert.Contains("cb-wf", ex.Message);
        Assert.Contains("'call'", ex.Message);
    }

    [Fact]
    public void Invalid_retry_options_are_refused_naming_the_step()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("retry-wf", "1.0")
            .Transform("call", t => { }, o => o.WithRetry(0, TimeSpan.Zero))
            .Build());
        Assert.Contains("retry-wf", ex.Message);
        Assert.Contains("'call'", ex.Message);
    }

    [Fact]
    public void A_builder_builds_once()
    {
        var builder = Workflow.Create<Ticket>("once", "1.0").Transform("t", t => { });
        builder.Build();
        Assert.Contains("once", Assert.Throws<InvalidOperationException>(() => builder.Build()).Message);
    }

    public sealed class LossyState
    {
        private static int s_next;

        public int Id { get; private set; } = Interlocked.Increment(ref s_next);
    }

    public sealed class TypeHoldingState
    {
        public Type Kind { get; set; } = typeof(int);
    }

    public sealed class ReadOnlyListState
    {
        public ReadOnlyListState() { }

        public ReadOnlyListState(List<string> items) => Items = items;

        public List<string> Items { get; private set; } = [];
    }
}
