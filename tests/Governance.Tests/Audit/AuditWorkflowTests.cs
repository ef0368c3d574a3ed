using HybridAI.Governance.Audit;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Tests.Audit;

/// <summary>The audit middleware in a real workflow run by the real engine, into a real SQLite log.</summary>
public class AuditWorkflowTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed class Ticket
    {
        public string Body { get; set; } = "";
        public string? Reply { get; set; }
        public bool Approved { get; set; }
        public bool Fail { get; set; }
    }

    private static Workflow<Ticket> Build(IAuditSink audit, IChatClient model)
    {
        var pii = PiiDetector.CreateDefault();
        return Workflow.Create<Ticket>("ticket-triage", "2.0")
            .UseRun(new AuditRunMiddleware(audit, pii))
            .Use(new AuditMiddleware(audit, pii))
            .Transform("check", t =>
            {
                if (t.Fail)
                    throw new InvalidOperationException($"bad ticket: {t.Body}");
            })
            .Generate("reply", model.WithAudit(audit, pii), t => [new ChatMessage(ChatRole.User, t.Body)], (t, r) => t.Reply = r.Text)
            .Gate("review", _ => true, (t, d) => t.Approved = d.Approved, t => $"customer wrote: {t.Body}")
            .Build();
    }

    [Fact]
    public async Task A_suspended_then_resumed_run_records_start_model_call_suspension_decision_and_end_without_pii()
    {
        const string email = "john.smith@example.com";
        var path = _dir.File("audit.db");
        string runId;
        await using (var audit = new SqliteAuditLog(path))
        {
            var workflow = Build(audit, new CannedChatClient());
            var runner = new WorkflowRunner();
            var first = await runner.RunAsync(workflow, new Ticket { Body = $"Refund me at {email}" });
            Assert.Equal(RunStatus.Suspended, first.Status);
            runId = first.RunId;
            var resumed = await runner.ResumeAsync(workflow, runId, new GateDecision(true, "agent-7"));
            Assert.Equal(RunStatus.Completed, resumed.Status);
        }

        await using var log = new SqliteAuditLog(path);
        var events = await log.ReadAsync(runId);
        Assert.Equal(
            [AuditEventType.RunStarted, AuditEventType.StepCompleted, AuditEventType.ModelCall, AuditEventType.StepCompleted, AuditEventType.StepCompleted,
             AuditEventType.RunSuspended, AuditEventType.RunStarted, AuditEventType.StepCompleted, AuditEventType.GateDecision, AuditEventType.RunCompleted],
            events.Select(e => e.EventType));
        var model = events.Single(e => e.EventType == AuditEventType.ModelCall);
        Assert.Equal(("reply", "canned-1", 7L, 4L), (model.Step, model.Model, model.InputTokens, model.OutputTokens));
        Assert.Equal("user: Refund me at <EMAIL>", model.Prompt);
        Assert.Equal("assistant: We will refund <EMAIL> today.", model.Output);
        var suspended = events.Single(e => e.EventType == AuditEventType.RunSuspended);
        Assert.Equal(("review", "customer wrote: Refund me at <EMAIL>"), (suspended.Step, suspended.Outcome));
        Assert.Equal("resumed", events[6].Outcome);
        var decision = events.Single(e => e.EventType == AuditEventType.GateDecision);
        Assert.Equal(("review", "approved", "agent-7", "reviewer"), (decision.Step, decision.Outcome, decision.Actor, decision.ActorRole));
        Assert.DoesNotContain(events, e => $"{e.Outcome}{e.Prompt}{e.Output}{e.ErrorMessage}".Contains(email, StringComparison.Ordinal));
        Assert.True((await log.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task A_failed_run_records_the_failing_step_and_a_masked_message()
    {
        var path = _dir.File("audit.db");
        await using var audit = new SqliteAuditLog(path);
        var result = await new WorkflowRunner().RunAsync(Build(audit, new CannedChatClient()), new Ticket { Body = "call (555) 123-4567", Fail = true });
        Assert.Equal(RunStatus.Failed, result.Status);
        await audit.FlushAsync();

        var events = await audit.ReadAsync(result.RunId);
        Assert.Equal([AuditEventType.RunStarted, AuditEventType.StepFailed, AuditEventType.RunFailed], events.Select(e => e.EventType));
        var failed = events[2];
        Assert.Equal(("check", "System.InvalidOperationException", "bad ticket: call <PHONE>"), (failed.Step, failed.ErrorType, failed.ErrorMessage));
    }

    [Fact]
    public async Task A_streamed_model_call_is_recorded_once_with_the_whole_masked_reply()
    {
        var sink = new ListSink();
        var model = new CannedChatClient().WithAudit(sink, PiiDetector.CreateDefault());
        var text = "";
        await foreach (var update in model.GetStreamingResponseAsync("mail john.smith@example.com", new ChatOptions
        {
            ConversationId = "conv-1",
            AdditionalProperties = new() { [AuditingChatClient.ContextIdsProperty] = new[] { "kb-1", "kb-9" } },
        }))
        {
            text += update.Text;
        }

        Assert.Equal("We will refund john.smith@example.com today.", text); // the caller still gets the clear reply
        var e = Assert.Single(sink.Events);
        Assert.Equal((AuditEventType.ModelCall, "conv-1", "kb-1,kb-9"), (e.EventType, e.RunId, e.ContextIds));
        Assert.Equal("assistant: We will refund <EMAIL> today.", e.Output);
    }

    private sealed class ListSink : IAuditSink
    {
        public List<AuditEvent> Events { get; } = [];

        public ValueTask WriteAsync(AuditEvent auditEvent)
        {
            Events.Add(auditEvent);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Stands in for a remote model: replies with the e-mail address of the prompt, and reports usage.</summary>
    private sealed class CannedChatClient : IChatClient
    {
        private static string Reply(IEnumerable<ChatMessage> messages)
        {
            var words = messages.Last().Text.Split(' ');
            return $"We will refund {words.First(w => w.Contains('@', StringComparison.Ordinal))} today.";
        }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Reply(messages)))
            {
                ModelId = "canned-1",
                Usage = new UsageDetails { InputTokenCount = 7, OutputTokenCount = 4 },
            });

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var word in Reply(messages).Split(' '))
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, word == "today." ? word : word + " ") { ModelId = "canned-1" };
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
