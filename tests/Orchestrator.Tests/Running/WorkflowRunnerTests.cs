using System.Collections.Concurrent;
using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.AI;

namespace HybridAI.Orchestrator.Tests.Running;

public class WorkflowRunnerTests
{
    private static readonly KeywordClassifier Triage = new(("billing", "charge"), ("tech", "crash"));

    [Fact]
    public async Task Steps_run_in_order_and_record_pii_free_outcomes()
    {
        var wf = Workflow.Create<Ticket>("triage", "1.0")
            .Transform("normalise", t => t.Text = t.Text.Trim())
            .Classify("classify", Triage, t => t.Text, (t, c) => t.Category = c.Label)
            .Score("urgency", new UrgencyScorer(), t => t.Text, (t, s) => t.Urgency = s)
            .Retrieve("kb", new ListSearchIndex("refund a double charge", "reset a password"), t => new($"{t.Category} charge") { Top = 2 }, (t, h) => t.Hits = h)
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "  I was charged twice  " });

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Null(result.Error);
        Assert.Equal("billing", result.State.Category);
        Assert.Single(result.State.Hits);
        Assert.Equal(["normalise", "classify", "urgency", "kb"], result.Steps.Select(s => s.Step));
        Assert.Equal([StepKind.Transform, StepKind.Classify, StepKind.Score, StepKind.Retrieve], result.Steps.Select(s => s.Kind));
        Assert.Null(result.Steps[0].Outcome);
        Assert.Equal("label=billing p=0.90", result.Steps[1].Outcome);
        Assert.StartsWith("score=", result.Steps[2].Outcome);
        Assert.Equal("mode=keyword hits=1", result.Steps[3].Outcome);
        Assert.DoesNotContain(result.Steps, s => s.Outcome?.Contains("twice", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Given_run_id_is_used()
    {
        var wf = Workflow.Create<Ticket>("ids", "1.0").Transform("t", t => { }).Build();
        var result = await new WorkflowRunner().RunAsync(wf, new Ticket(), runId: "run-42");
        Assert.Equal("run-42", result.RunId);
    }

    [Fact]
    public async Task Middleware_runs_first_registered_outermost_for_steps_and_run()
    {
        var log = new ConcurrentQueue<string>();
        var wf = Workflow.Create<Ticket>("mw", "1.0")
            .Classify("classify", Triage, t => t.Text, (t, c) => t.Category = c.Label)
            .Transform("reply", t => t.Reply = "ok")
            .Use(new RecordingMiddleware("A", log))
            .Use(new RecordingMiddleware("B", log))
            .UseRun(new RecordingMiddleware("R1", log))
            .UseRun(new RecordingMiddleware("R2", log))
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "app crash" });

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(
            [
                "R1>run", "R2>run",
                "A>classify", "B>classify", "B<classify:label=tech p=0.90", "A<classify:label=tech p=0.90",
                "A>reply", "B>reply", "B<reply:", "A<reply:",
                "R2<run", "R1<run",
            ],
            log);
    }

    [Fact]
    public async Task Middleware_sees_run_and_step_context()
    {
        var seen = new List<string>();
        var wf = Workflow.Create<Ticket>("ctx", "2.0")
            .Transform("first", t => { })
            .Transform("second", t => { })
            .Use(new InspectingMiddleware(seen))
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket(), runId: "r1");

        Assert.Equal(["ctx 2.0 r1 first 0 Transform Ticket", "ctx 2.0 r1 second 1 Transform Ticket"], seen);
        Assert.Equal(RunStatus.Completed, result.Status);
    }

    [Fact]
    public async Task Cancelling_mid_run_stops_before_the_next_step()
    {
        using var cts = new CancellationTokenSource();
        var secondRan = false;
        var wf = Workflow.Create<Ticket>("cancel", "1.0")
            .Transform("first", t => cts.Cancel())
            .Transform("second", t => secondRan = true)
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket(), cts.Token);

        Assert.Equal(RunStatus.Cancelled, result.Status);
        Assert.False(secondRan);
        Assert.Equal(["first"], result.Steps.Select(s => s.Step));
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Step_that_honours_cancellation_gives_cancelled_not_failed()
    {
        using var cts = new CancellationTokenSource();
        var wf = Workflow.Create<Ticket>("cancel-inside", "1.0")
            .Transform("wait", async (t, ct) =>
            {
                await cts.CancelAsync();
                ct.ThrowIfCancellationRequested();
            })
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket(), cts.Token);

        Assert.Equal(RunStatus.Cancelled, result.Status);
    }

    [Fact]
    public async Task Failing_step_gives_failed_result_naming_workflow_step_and_run_without_the_cause_message()
    {
        var lastRan = false;
        var wf = Workflow.Create<Ticket>("failing", "1.0")
            .Transform("explode", t => throw new InvalidOperationException("customer jane.doe@example.com"))
            .Transform("after", t => lastRan = true)
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket(), runId: "run-7");

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.False(lastRan);
        var error = Assert.IsType<WorkflowStepException>(result.Error);
        Assert.Equal("failing", error.WorkflowName);
        Assert.Equal("explode", error.StepName);
        Assert.Equal("run-7", error.RunId);
        Assert.Contains("failing", error.Message);
        Assert.Contains("explode", error.Message);
        Assert.Contains("run-7", error.Message);
        Assert.DoesNotContain("jane.doe", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task Failing_run_middleware_gives_failed_result()
    {
        var wf = Workflow.Create<Ticket>("run-mw-fails", "1.0").Transform("t", t => { }).UseRun(new ThrowingRunMiddleware()).Build();
        var result = await new WorkflowRunner().RunAsync(wf, new Ticket());
        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal("run-mw-fails", result.Error!.WorkflowName);
    }

    [Fact]
    public async Task Branch_jumps_forward_skipping_steps()
    {
        var wf = Workflow.Create<Ticket>("route", "1.0")
            .Classify("classify", Triage, t => t.Text, (t, c) => t.Category = c.Label)
            .Branch("route", t => t.Category == "billing" ? "billing-reply" : "tech-reply", "billing-reply", "tech-reply")
            .Transform("tech-reply", t => t.Trail.Add("tech"))
            .Branch("stop", t => Workflow.End, Workflow.End)
            .Transform("billing-reply", t => t.Trail.Add("billing"))
            .Build();
        var runner = new WorkflowRunner();

        var billing = await runner.RunAsync(wf, new Ticket { Text = "double charge" });
        var tech = await runner.RunAsync(wf, new Ticket { Text = "it crashed" });

        Assert.Equal(["billing"], billing.State.Trail);
        Assert.Equal(["classify", "route", "billing-reply"], billing.Steps.Select(s => s.Step));
        Assert.Equal("next=billing-reply", billing.Steps[1].Outcome);
        Assert.Equal(["tech"], tech.State.Trail);
        Assert.Equal(["classify", "route", "tech-reply", "stop"], tech.Steps.Select(s => s.Step));
    }

    [Fact]
    public async Task Branch_jumps_backward_to_loop()
    {
        var wf = Workflow.Create<Ticket>("loop", "1.0")
            .Transform("work", t => t.Loops++)
            .Branch("again", t => t.Loops < 3 ? "work" : Workflow.End, "work")
            .Transform("never", t => t.Trail.Add("never"))
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(3, result.State.Loops);
        Assert.Empty(result.State.Trail);
        Assert.Equal(6, result.Steps.Count);
    }

    [Fact]
    public async Task Branch_choosing_a_step_outside_its_targets_fails_naming_workflow_step_and_run()
    {
        var wf = Workflow.Create<Ticket>("bad-route", "1.0")
            .Branch("route", t => "secret", "a")
            .Transform("a", t => { })
            .Transform("secret", t => { })
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket(), runId: "run-9");

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal("route", result.Error!.StepName);
        var inner = Assert.IsType<WorkflowRunException>(result.Error.InnerException);
        Assert.Contains("bad-route", inner.Message);
        Assert.Contains("'route'", inner.Message);
        Assert.Contains("run-9", inner.Message);
        Assert.Contains("run-9", result.Error.Message);
    }

    [Fact]
    public async Task Endless_loop_is_stopped_by_max_steps_naming_the_run()
    {
        var wf = Workflow.Create<Ticket>("forever", "1.0")
            .Transform("work", t => t.Loops++)
            .Branch("again", t => "work", "work")
            .Build();

        var result = await new WorkflowRunner(new WorkflowRunnerOptions { MaxStepsPerRun = 50 }).RunAsync(wf, new Ticket(), runId: "run-loop");

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(25, result.State.Loops);
        Assert.Contains("run-loop", result.Error!.InnerException!.Message);
        Assert.Contains("50", result.Error.InnerException.Message);
    }

    [Fact]
    public async Task Generate_and_call_tool_steps_use_the_ai_abstractions()
    {
        var tool = AIFunctionFactory.Create((string orderId) => $"order {orderId} shipped", "lookup_order");
        var wf = Workflow.Create<Ticket>("assist", "1.0")
            .CallTool("lookup", tool, t => new AIFunctionArguments { ["orderId"] = "A17" }, (t, r) => t.Trail.Add(r?.ToString() ?? ""))
            .Generate("draft", new ScriptedChatClient("Your ", "order ", "shipped."), t => [new ChatMessage(ChatRole.User, t.Text)], (t, r) => t.Reply = r.Text)
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "where is my order" });

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Contains("A17", result.State.Trail[0]);
        Assert.Equal("Your order shipped.", result.State.Reply);
        Assert.Equal("tool=lookup_order", result.Steps[0].Outcome);
        Assert.Equal("tokens=3", result.Steps[1].Outcome);
    }

    [Fact]
    public async Task Run_middleware_may_replace_the_state()
    {
        var wf = Workflow.Create<Ticket>("swap", "1.0").Transform("t", t => t.Trail.Add("seen")).UseRun(new SwappingRunMiddleware()).Build();
        var input = new Ticket();
        var result = await new WorkflowRunner().RunAsync(wf, input);
        Assert.Empty(input.Trail);
        Assert.Equal(["swapped", "seen"], result.State.Trail);
    }

    private sealed class InspectingMiddleware(List<string> seen) : IStepMiddleware
    {
        public ValueTask InvokeAsync(StepContext context, StepDelegate next)
        {
            seen.Add($"{context.Run.WorkflowName} {context.Run.WorkflowVersion} {context.Run.RunId} {context.StepName} {context.StepIndex} {context.Kind} {context.Run.StateType.Name}");
            return next(context);
        }
    }

    private sealed class ThrowingRunMiddleware : IRunMiddleware
    {
        public ValueTask InvokeAsync(RunContext context, RunDelegate next) => throw new InvalidOperationException("policy store offline");
    }

    private sealed class SwappingRunMiddleware : IRunMiddleware
    {
        public ValueTask InvokeAsync(RunContext context, RunDelegate next)
        {
            context.State = new Ticket { Trail = ["swapped"] };
            return next(context);
        }
    }
}
