using HybridAI.Governance.Audit;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Governance.Tests.Audit.Conformance;

/// <summary>
/// What every audit backend must do, run once per backend (one subclass each): store and read back, keep one
/// verifiable chain across reopen, batches and concurrent writers, name the first edited, deleted, inserted or
/// reordered record, and never hold clear personal data.
/// </summary>
public abstract class AuditLogConformanceTests : IAsyncLifetime, IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A folder for file backends, deleted after the test.</summary>
    private protected TempDirectory Dir { get; } = new();

    public void Dispose() => Dir.Dispose();

    /// <summary>Opens the backend's log (the same store each call: a second call is a reopen).</summary>
    protected abstract Task<IAuditLog> OpenAsync(int batchSize = 512, int capacity = 16_384);

    /// <summary>Changes the outcome text of record <paramref name="id"/> in place.</summary>
    protected abstract Task EditAsync(long id);

    /// <summary>Removes record <paramref name="id"/>.</summary>
    protected abstract Task DeleteAsync(long id);

    /// <summary>Removes every record from <paramref name="id"/> on, leaving the head alone.</summary>
    protected abstract Task DeleteFromAsync(long id);

    /// <summary>Puts a copy of record <paramref name="afterId"/> right after it; returns the record verify must name.</summary>
    protected abstract Task<long> InsertCopyAsync(long afterId);

    /// <summary>Swaps records <paramref name="a"/> and <paramref name="b"/> (a &lt; b); returns the record verify must name.</summary>
    protected abstract Task<long> SwapAsync(long a, long b);

    /// <summary>Every byte the backend stored, as text (for the personal-data check).</summary>
    protected abstract Task<string> RawContentAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static AuditEvent Event(string runId, int index, AuditEventType type = AuditEventType.StepCompleted) => new()
    {
        Timestamp = T0.AddMilliseconds(index),
        RunId = runId,
        Workflow = "ticket-triage",
        WorkflowVersion = "1.0",
        Step = $"step-{index}",
        StepIndex = index,
        Kind = StepKind.Classify,
        EventType = type,
        Outcome = $"label=billing n={index}",
        Duration = TimeSpan.FromMicroseconds(index + 1),
    };

    private async Task WriteAsync(int count, string runId = "run-1", int batchSize = 512)
    {
        await using var log = await OpenAsync(batchSize);
        for (var i = 0; i < count; i++)
            await log.WriteAsync(Event(runId, i));
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var log = await OpenAsync();
        return await log.VerifyAsync();
    }

    [ConformanceFact]
    public async Task Events_are_read_back_with_every_field()
    {
        var model = Event("run-1", 1, AuditEventType.ModelCall) with
        {
            Step = null,
            Outcome = "",
            Actor = "agent-7",
            ActorRole = "reviewer",
            Model = "gpt-4o-mini",
            Prompt = "user: rembourser «deux fois» 日本 <EMAIL>",
            Output = "Nous remboursons.",
            ContextIds = "kb-12,kb-40",
            InputTokens = 120,
            OutputTokens = 0,
            ErrorType = "System.TimeoutException",
            ErrorMessage = "took too long",
        };
        await using var log = await OpenAsync();
        await log.WriteAsync(Event("run-1", 0));
        await log.WriteAsync(model);
        await log.WriteAsync(Event("run-2", 2));
        await log.FlushAsync();

        var events = await log.ReadAsync("run-1");
        Assert.Equal([Event("run-1", 0), model], events);
        Assert.Equal([Event("run-2", 2)], await log.ReadAsync("run-2"));
    }

    [ConformanceFact]
    public async Task The_chain_verifies_and_counts_every_record()
    {
        await WriteAsync(25);
        Assert.Equal(new AuditVerification(true, 25, null, null), await VerifyAsync());
    }

    [ConformanceFact]
    public async Task An_empty_log_verifies()
    {
        Assert.Equal(new AuditVerification(true, 0, null, null), await VerifyAsync());
    }

    [ConformanceFact]
    public async Task Reopening_continues_the_chain()
    {
        await WriteAsync(10);
        await using (var log = await OpenAsync())
        {
            for (var i = 10; i < 20; i++)
                await log.WriteAsync(Event("run-1", i));
        }
        await using var reopened = await OpenAsync();
        Assert.Equal(new AuditVerification(true, 20, null, null), await reopened.VerifyAsync());
        Assert.Equal(Enumerable.Range(0, 20), (await reopened.ReadAsync("run-1")).Select(e => e.StepIndex));
    }

    [ConformanceFact]
    public async Task Dispose_stores_everything_still_queued_across_many_batches()
    {
        await WriteAsync(1000, batchSize: 7);
        await using var log = await OpenAsync();
        Assert.Equal(Enumerable.Range(0, 1000), (await log.ReadAsync("run-1")).Select(e => e.StepIndex));
        Assert.True((await log.VerifyAsync()).IsValid);
    }

    [ConformanceFact]
    public async Task Concurrent_writers_on_one_log_land_in_one_valid_chain()
    {
        await using (var log = await OpenAsync(batchSize: 64, capacity: 100))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < 300; i++)
                    await log.WriteAsync(Event($"run-{w}", i));
            })));
            await log.FlushAsync();
            for (var w = 0; w < 8; w++)
                Assert.Equal(Enumerable.Range(0, 300), (await log.ReadAsync($"run-{w}")).Select(e => e.StepIndex));
        }
        Assert.Equal(new AuditVerification(true, 2400, null, null), await VerifyAsync());
    }

    [ConformanceFact]
    public async Task Several_logs_writing_one_store_at_once_keep_one_chain()
    {
        // As several processes would: each log has its own connection or file handle and its own writer.
        var logs = new List<IAuditLog>();
        for (var w = 0; w < 3; w++)
            logs.Add(await OpenAsync(batchSize: 16));
        await Task.WhenAll(logs.Select((log, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 400; i++)
                await log.WriteAsync(Event($"writer-{w}", i));
            await log.FlushAsync();
        })));
        foreach (var log in logs)
            await log.DisposeAsync();

        await using var reader = await OpenAsync();
        Assert.Equal(new AuditVerification(true, 1200, null, null), await reader.VerifyAsync());
        for (var w = 0; w < 3; w++)
            Assert.Equal(Enumerable.Range(0, 400), (await reader.ReadAsync($"writer-{w}")).Select(e => e.StepIndex));
    }

    [ConformanceFact]
    public async Task An_edited_record_is_named()
    {
        await WriteAsync(10);
        await EditAsync(7);
        var check = await VerifyAsync();
        Assert.False(check.IsValid);
        Assert.Equal(7, check.FirstBadRowId);
        Assert.Contains("7", check.Problem, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public async Task A_deleted_record_is_named_by_the_next_one()
    {
        await WriteAsync(10);
        await DeleteAsync(4);
        var check = await VerifyAsync();
        Assert.False(check.IsValid);
        Assert.Equal(5, check.FirstBadRowId);
        Assert.Contains("missing", check.Problem, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public async Task Records_deleted_at_the_end_are_caught_by_the_head()
    {
        await WriteAsync(10);
        await DeleteFromAsync(9);
        var check = await VerifyAsync();
        Assert.False(check.IsValid);
        Assert.Equal(9, check.FirstBadRowId);
    }

    [ConformanceFact]
    public async Task An_inserted_record_is_named()
    {
        await WriteAsync(10);
        var expected = await InsertCopyAsync(5);
        var check = await VerifyAsync();
        Assert.False(check.IsValid);
        Assert.Equal(expected, check.FirstBadRowId);
    }

    [ConformanceFact]
    public async Task Reordered_records_are_named()
    {
        await WriteAsync(10);
        var expected = await SwapAsync(3, 6);
        var check = await VerifyAsync();
        Assert.False(check.IsValid);
        Assert.Equal(expected, check.FirstBadRowId);
    }

    [ConformanceFact]
    public async Task Records_in_a_time_window_are_exported_in_order()
    {
        await using var log = await OpenAsync();
        for (var i = 0; i < 10; i++)
            await log.WriteAsync(Event(i % 2 == 0 ? "even" : "odd", i));
        await log.FlushAsync();

        var window = new List<AuditRecord>();
        await foreach (var r in log.ReadRangeAsync(T0.AddMilliseconds(2), T0.AddMilliseconds(7)))
            window.Add(r);
        Assert.Equal([3L, 4, 5, 6, 7], window.Select(r => r.Id));
        Assert.Equal([2, 3, 4, 5, 6], window.Select(r => r.Event.StepIndex));

        var evenOnly = new List<int>();
        await foreach (var r in log.ReadRangeAsync(T0, T0.AddSeconds(1), runId: "even"))
            evenOnly.Add(r.Event.StepIndex);
        Assert.Equal([0, 2, 4, 6, 8], evenOnly);
    }

    [ConformanceFact]
    public async Task No_personal_data_from_the_input_reaches_the_store()
    {
        const string email = "john.smith@example.com";
        const string card = "4111 1111 1111 1111";
        const string phone = "(555) 123-4567";
        var ticket = $"I am John, card {card}, reach me at {email} or {phone}.";
        var pii = PiiDetector.CreateDefault();
        var time = new FakeTimeProvider(T0);

        await using (var log = await OpenAsync())
        {
            // A step whose outcome and failure message leak the input; a model call and a tool result that repeat it.
            var run = new TestRunContext(new object(), time, "run-pii");
            var steps = new AuditMiddleware(log, pii);
            var model = new EchoChatClient().WithAudit(log, pii, time);
            await steps.InvokeAsync(new TestStepContext(run, "classify", StepKind.Classify, 0), async ctx =>
            {
                ctx.Outcome = $"customer={email}";
                await model.GetResponseAsync(ticket);
                var call = new FunctionCallContent("call-1", "lookup_customer", new Dictionary<string, object?> { ["email"] = email });
                await model.GetResponseAsync([
                    new ChatMessage(ChatRole.User, ticket),
                    new ChatMessage(ChatRole.Assistant, [call]),
                    new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-1", $"found {email}, phone {phone}")]),
                ]);
            });
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
                await steps.InvokeAsync(new TestStepContext(run, "reply", StepKind.Generate, 1),
                    _ => throw new InvalidOperationException($"could not mail {email}")));
            await new AuditRunMiddleware(log, pii).InvokeAsync(run, _ => ValueTask.CompletedTask);

            await log.FlushAsync();
            var events = await log.ReadAsync("run-pii");
            Assert.Contains(events, e => e.EventType == AuditEventType.ModelCall && e.Prompt!.Contains("<EMAIL>", StringComparison.Ordinal));
            Assert.Contains(events, e => e.EventType == AuditEventType.ToolCall && e.Actor == "lookup_customer");
            Assert.Contains(events, e => e.EventType == AuditEventType.StepFailed);
        }

        var stored = await RawContentAsync();
        Assert.Contains("<EMAIL>", stored, StringComparison.Ordinal); // the check reads what was stored
        Assert.DoesNotContain(email, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(card, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, stored, StringComparison.Ordinal);
    }

    /// <summary>A model that repeats the last user message: the reply carries the prompt's personal data.</summary>
    private sealed class EchoChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var last = messages.Last(m => m.Role == ChatRole.User).Text;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"You said: {last}"))
            {
                ModelId = "echo",
                Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 15 },
            });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
