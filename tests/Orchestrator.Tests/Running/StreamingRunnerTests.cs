using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.AI;

namespace HybridAI.Orchestrator.Tests.Running;

public class StreamingRunnerTests
{
    [Fact]
    public async Task Text_deltas_of_a_generate_step_are_forwarded_in_order()
    {
        var chat = new ScriptedChatClient("Hel", "lo", " world");
        var wf = Workflow.Create<Ticket>("stream", "1.0")
            .Transform("prepare", t => t.Text = t.Text.Trim())
            .Generate("draft", chat, t => [new ChatMessage(ChatRole.User, t.Text)], (t, r) => t.Reply = r.Text)
            .Build();

        var updates = new List<WorkflowUpdate>();
        await foreach (var update in new WorkflowRunner().RunStreamingAsync(wf, new Ticket { Text = " hi " }))
        {
            updates.Add(update);
        }

        Assert.Equal(
            [
                new StepStarted("prepare", StepKind.Transform),
                new StepCompleted("prepare", null),
                new StepStarted("draft", StepKind.Generate),
                new TextDelta("draft", "Hel"),
                new TextDelta("draft", "lo"),
                new TextDelta("draft", " world"),
                new StepCompleted("draft", "tokens=3"),
            ],
            updates.Take(updates.Count - 1));
        var completed = Assert.IsType<Completed<Ticket>>(updates[^1]);
        Assert.Equal(RunStatus.Completed, completed.Result.Status);
        Assert.Equal("Hello world", completed.Result.State.Reply);
        Assert.Equal(1, chat.Calls);
        Assert.Equal(
            [WorkflowUpdateKind.StepStarted, WorkflowUpdateKind.StepCompleted, WorkflowUpdateKind.StepStarted, WorkflowUpdateKind.TextDelta,
             WorkflowUpdateKind.TextDelta, WorkflowUpdateKind.TextDelta, WorkflowUpdateKind.StepCompleted, WorkflowUpdateKind.Completed],
            updates.Select(u => u.Kind));
    }

    [Fact]
    public async Task A_failed_streamed_run_ends_with_its_failed_result()
    {
        var wf = Workflow.Create<Ticket>("stream-fail", "1.0").Transform("boom", t => throw new InvalidOperationException()).Build();
        WorkflowUpdate? last = null;
        await foreach (var update in new WorkflowRunner().RunStreamingAsync(wf, new Ticket()))
        {
            last = update;
        }
        var completed = Assert.IsType<Completed<Ticket>>(last);
        Assert.Equal(RunStatus.Failed, completed.Result.Status);
        Assert.Equal("boom", completed.Result.Error!.StepName);
    }
}
