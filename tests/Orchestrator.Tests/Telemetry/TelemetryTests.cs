using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using HybridAI.Orchestrator.Telemetry;
using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.AI;

namespace HybridAI.Orchestrator.Tests.Telemetry;

[Collection(GlobalListenersCollection.Name)]
public class TelemetryTests
{
    [Fact]
    public async Task Listener_sees_run_and_step_spans_with_their_attributes()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TelemetryNames.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var tool = AIFunctionFactory.Create((string id) => "found " + id, "find_order");
        var wf = Workflow.Create<Ticket>("traced", "3.1")
            .Classify("classify", new KeywordClassifier(("billing", "charge")), t => t.Text, (t, c) => t.Category = c.Label)
            .CallTool("lookup", tool, t => new AIFunctionArguments { ["id"] = "7" }, (t, r) => { })
            .Generate("draft", new ScriptedChatClient("a", "b"), t => [new ChatMessage(ChatRole.User, t.Text)], (t, r) => t.Reply = r.Text,
                new ChatOptions { ModelId = "small-model" })
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "charge" });

        var mine = stopped.Where(a => (string?)a.GetTagItem(TelemetryNames.RunId) == result.RunId).ToList();
        var run = Assert.Single(mine, a => a.DisplayName == "invoke_workflow traced");
        Assert.Equal("traced", run.GetTagItem(TelemetryNames.WorkflowName));
        Assert.Equal("3.1", run.GetTagItem(TelemetryNames.WorkflowVersion));
        Assert.Equal("completed", run.GetTagItem(TelemetryNames.Status));

        var classify = Assert.Single(mine, a => a.DisplayName == "classify classify");
        Assert.Equal(run.SpanId, classify.ParentSpanId);
        Assert.Equal("classify", classify.GetTagItem(TelemetryNames.StepName));
        Assert.Equal("classify", classify.GetTagItem(TelemetryNames.StepKind));
        Assert.Equal("label=billing p=0.90", classify.GetTagItem(TelemetryNames.StepOutcome));

        var lookup = Assert.Single(mine, a => a.DisplayName == "call_tool lookup");
        Assert.Equal("execute_tool", lookup.GetTagItem(TelemetryNames.GenAiOperation));
        Assert.Equal("find_order", lookup.GetTagItem(TelemetryNames.GenAiToolName));

        var draft = Assert.Single(mine, a => a.DisplayName == "generate draft");
        Assert.Equal("chat", draft.GetTagItem(TelemetryNames.GenAiOperation));
        Assert.Equal("small-model", draft.GetTagItem(TelemetryNames.GenAiRequestModel));
        Assert.Equal("scripted-1", draft.GetTagItem(TelemetryNames.GenAiResponseModel));
        Assert.Equal(1L, draft.GetTagItem(TelemetryNames.GenAiInputTokens));
        Assert.Equal(2L, draft.GetTagItem(TelemetryNames.GenAiOutputTokens));
    }

    [Fact]
    public async Task Failed_step_span_has_error_status_without_the_message()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TelemetryNames.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var wf = Workflow.Create<Ticket>("traced-fail", "1").Transform("boom", t => throw new InvalidOperationException("jane@example.com")).Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket());

        var step = Assert.Single(stopped, a => (string?)a.GetTagItem(TelemetryNames.RunId) == result.RunId && a.DisplayName == "transform boom");
        Assert.Equal(ActivityStatusCode.Error, step.Status);
        Assert.Equal(nameof(InvalidOperationException), step.StatusDescription);
    }

    [Fact]
    public async Task Retrieve_span_carries_the_mode_top_and_hit_count_but_not_the_query()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == TelemetryNames.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var wf = Workflow.Create<Ticket>("traced-kb", "1")
            .Retrieve("kb", new ListSearchIndex("refund a double charge", "charge disputes"), t => t.Text, (t, h) => t.Hits = h,
                new RetrieveOptions<Ticket> { Mode = HybridAI.Abstractions.Retrieval.SearchMode.Hybrid, Top = 4 })
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "charge jane@example.com" });

        var step = Assert.Single(stopped, a => (string?)a.GetTagItem(TelemetryNames.RunId) == result.RunId && a.DisplayName == "retrieve kb");
        Assert.Equal("hybrid", step.GetTagItem(TelemetryNames.RetrievalMode));
        Assert.Equal(4, step.GetTagItem(TelemetryNames.RetrievalTop));
        Assert.Equal(2, step.GetTagItem(TelemetryNames.RetrievalHits));
        Assert.Equal("mode=hybrid hits=2", step.GetTagItem(TelemetryNames.StepOutcome));
        Assert.DoesNotContain(step.TagObjects, t => t.Value is string v && v.Contains("jane@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Meter_records_step_durations_and_counts()
    {
        var measurements = new ConcurrentQueue<(string Instrument, string? Workflow, string? Status)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TelemetryNames.SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            string? workflow = null, status = null;
            foreach (var tag in tags)
            {
                if (tag.Key == TelemetryNames.WorkflowName) workflow = tag.Value as string;
                if (tag.Key == TelemetryNames.Status) status = tag.Value as string;
            }
            measurements.Enqueue((instrument.Name, workflow, status));
        }
        meters.SetMeasurementEventCallback<double>(Record);
        meters.SetMeasurementEventCallback<long>(Record);
        meters.Start();
        var wf = Workflow.Create<Ticket>("metered", "1").Transform("a", t => { }).Transform("b", t => { }).Build();

        await new WorkflowRunner().RunAsync(wf, new Ticket());

        var mine = measurements.Where(m => m.Workflow == "metered").ToList();
        Assert.Equal(2, mine.Count(m => m.Instrument == "hybridai.step.duration"));
        Assert.Equal(2, mine.Count(m => m.Instrument == "hybridai.step.count" && m.Status == "ok"));
        Assert.Single(mine, m => m.Instrument == "hybridai.run.count" && m.Status == "completed");
    }
}
