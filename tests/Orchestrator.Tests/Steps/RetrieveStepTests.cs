using HybridAI.Abstractions.Retrieval;
using HybridAI.Orchestrator.Tests.Support;

namespace HybridAI.Orchestrator.Tests.Steps;

public class RetrieveStepTests
{
    private static readonly string[] Documents = ["refund a double charge", "charge disputes", "reset a password"];

    [Theory]
    [InlineData(SearchMode.Keyword, "keyword")]
    [InlineData(SearchMode.Vector, "vector")]
    [InlineData(SearchMode.Hybrid, "hybrid")]
    public async Task Options_choose_the_mode_and_top_of_the_query_sent_and_the_outcome_names_the_mode(SearchMode mode, string name)
    {
        var index = new RecordingSearchIndex(Documents);
        var wf = Workflow.Create<Ticket>("kb-" + name, "1.0")
            .Retrieve("kb", index, t => t.Text, (t, hits) => t.Hits = hits, new RetrieveOptions<Ticket> { Mode = mode, Top = 1 })
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "double charge" });

        var query = Assert.Single(index.Queries);
        Assert.Equal("double charge", query.Text);
        Assert.Equal(mode, query.Mode);
        Assert.Equal(1, query.Top);
        Assert.Null(query.Filter);
        Assert.Null(query.MmrLambda);
        Assert.Equal("d0", Assert.Single(result.State.Hits).DocumentId);
        Assert.Equal($"mode={name} hits=1", Assert.Single(result.Steps).Outcome);
    }

    [Fact]
    public async Task Default_options_search_by_keyword_for_five_hits()
    {
        var index = new RecordingSearchIndex(Documents);
        var wf = Workflow.Create<Ticket>("kb-default", "1.0")
            .Retrieve("kb", index, t => t.Text, (t, hits) => t.Hits = hits, new RetrieveOptions<Ticket>())
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "charge" });

        var query = Assert.Single(index.Queries);
        Assert.Equal(SearchMode.Keyword, query.Mode);
        Assert.Equal(5, query.Top);
        Assert.Equal(2, result.State.Hits.Count);
        Assert.Equal("mode=keyword hits=2", result.Steps[0].Outcome);
    }

    [Fact]
    public async Task Filter_is_read_from_each_run_state_and_an_empty_one_sends_none()
    {
        var index = new RecordingSearchIndex(Documents);
        var wf = Workflow.Create<Ticket>("kb-filter", "1.0")
            .Retrieve("kb", index, t => t.Text, (t, hits) => t.Hits = hits, new RetrieveOptions<Ticket>
            {
                Mode = SearchMode.Hybrid,
                Filter = t => t.Category is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["category"] = t.Category },
                MmrLambda = 0.7,
            })
            .Build();
        var runner = new WorkflowRunner();

        await runner.RunAsync(wf, new Ticket { Text = "charge", Category = "billing" });
        await runner.RunAsync(wf, new Ticket { Text = "password" });

        var queries = index.Queries.ToArray();
        Assert.Equal(2, queries.Length);
        Assert.Equal(new Dictionary<string, string> { ["category"] = "billing" }, queries[0].Filter);
        Assert.Null(queries[1].Filter);
        Assert.All(queries, q => Assert.Equal(0.7, q.MmrLambda));
        Assert.All(queries, q => Assert.Equal(SearchMode.Hybrid, q.Mode));
    }

    [Fact]
    public async Task Null_text_is_searched_as_an_empty_query()
    {
        var index = new RecordingSearchIndex(Documents);
        var wf = Workflow.Create<Ticket>("kb-null", "1.0")
            .Retrieve("kb", index, t => t.Reply, (t, hits) => t.Hits = hits, new RetrieveOptions<Ticket>())
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "charge" });

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal("", Assert.Single(index.Queries).Text);
        Assert.Empty(result.State.Hits);
        Assert.Equal("mode=keyword hits=0", result.Steps[0].Outcome);
    }

    [Fact]
    public async Task Query_factory_overload_still_sends_its_own_query_and_the_outcome_names_its_mode()
    {
        var index = new RecordingSearchIndex(Documents);
        var wf = Workflow.Create<Ticket>("kb-factory", "1.0")
            .Retrieve("kb", index, t => new SearchQuery(t.Text) { Mode = SearchMode.Vector, Top = 2 }, (t, hits) => t.Hits = hits)
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "charge" });

        var query = Assert.Single(index.Queries);
        Assert.Equal(SearchMode.Vector, query.Mode);
        Assert.Equal(2, query.Top);
        Assert.Equal("mode=vector hits=2", result.Steps[0].Outcome);
    }

    [Fact]
    public async Task Query_factory_returning_null_fails_the_step_naming_it()
    {
        var wf = Workflow.Create<Ticket>("kb-null-query", "1.0")
            .Retrieve("kb", new RecordingSearchIndex(Documents), t => null!, (t, hits) => t.Hits = hits)
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "charge" });

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Contains("retrieve step 'kb'", result.Error!.InnerException!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, "Top")]
    [InlineData(-3, null, "Top")]
    [InlineData(5, 1.5, "MmrLambda")]
    [InlineData(5, -0.1, "MmrLambda")]
    [InlineData(5, double.NaN, "MmrLambda")]
    public void Out_of_range_options_are_refused_when_the_step_is_added_naming_workflow_step_and_field(int top, double? lambda, string field)
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("kb-bad", "1.0")
            .Retrieve("kb", new RecordingSearchIndex(Documents), t => t.Text, (t, hits) => t.Hits = hits,
                new RetrieveOptions<Ticket> { Top = top, MmrLambda = lambda }));
        Assert.Contains("'kb-bad'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("step 'kb'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_mode_is_refused()
    {
        var ex = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("kb-mode", "1.0")
            .Retrieve("kb", new RecordingSearchIndex(Documents), t => t.Text, (t, hits) => t.Hits = hits,
                new RetrieveOptions<Ticket> { Mode = (SearchMode)42 }));
        Assert.Contains("Mode 42", ex.Message, StringComparison.Ordinal);
    }
}
