using HybridAI.Governance.Audit;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Tests.Audit;

/// <summary>A step whose fallback ran is audited as StepFellBack (why, after how many attempts) before StepCompleted, in the real SQLite log.</summary>
public sealed class AuditFallbackTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed class Draft
    {
        public string Body { get; set; } = "";
        public string? Reply { get; set; }
    }

    private sealed class ServiceDownException(string message) : Exception(message);

    private async Task<IReadOnlyList<AuditEvent>> RunAsync(Action<StepOptions<Draft>> configure, AuditMiddleware? middleware = null, SqliteAuditLog? log = null)
    {
        var path = _dir.File("audit.db");
        var own = log is null;
        log ??= new SqliteAuditLog(path);
        try
        {
            var workflow = Workflow.Create<Draft>("fallback-audit", "1.0")
                .Use(middleware ?? new AuditMiddleware(log))
                .Transform("draft", d => throw new ServiceDownException("could not answer 'Where is my parcel?'"), configure)
                .Transform("send", d => { })
                .Build();
            var result = await new WorkflowRunner().RunAsync(workflow, new Draft { Body = "Where is my parcel?" });
            Assert.Equal(RunStatus.Completed, result.Status);
            await log.FlushAsync();
            return await log.ReadAsync(result.RunId);
        }
        finally
        {
            if (own)
            {
                await log.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_fallback_is_recorded_with_its_reason_attempts_and_error_type_but_not_the_message()
    {
        var events = await RunAsync(o => o
            .WithRetry(2, TimeSpan.Zero, _ => true)
            .WithFallback((d, ex, ct) => { d.Reply = "template"; return default; }, reason: _ => "HTTP 503 from llm.internal:8080"));

        Assert.Equal(
            [AuditEventType.StepFellBack, AuditEventType.StepCompleted, AuditEventType.StepCompleted],
            events.Select(e => e.EventType));
        var fellBack = events[0];
        Assert.Equal("draft", fellBack.Step);
        Assert.Equal("HTTP 503 from llm.internal:8080 after 2 attempts", fellBack.Outcome);
        Assert.Equal(typeof(ServiceDownException).FullName, fellBack.ErrorType);
        Assert.Null(fellBack.ErrorMessage);
        Assert.Equal("fallback after HTTP 503 from llm.internal:8080", events[1].Outcome);
        Assert.DoesNotContain(events, e => $"{e.Outcome}{e.ErrorMessage}".Contains("parcel", StringComparison.Ordinal));
        Assert.True((await SqliteAuditLog.VerifyAsync(_dir.File("audit.db"))).IsValid);
    }

    [Fact]
    public async Task A_step_that_succeeds_has_no_fallback_event()
    {
        var path = _dir.File("ok.db");
        await using var log = new SqliteAuditLog(path);
        var workflow = Workflow.Create<Draft>("no-fallback", "1.0")
            .Use(new AuditMiddleware(log))
            .Transform("draft", d => d.Reply = "model", o => o.WithFallback((d, ex, ct) => default))
            .Build();
        var result = await new WorkflowRunner().RunAsync(workflow, new Draft());
        await log.FlushAsync();

        Assert.Equal([AuditEventType.StepCompleted], (await log.ReadAsync(result.RunId)).Select(e => e.EventType));
    }

    [Fact]
    public async Task Personal_data_in_a_reason_is_masked_like_any_outcome()
    {
        await using var log = new SqliteAuditLog(_dir.File("pii.db"));
        var events = await RunAsync(
            o => o.WithFallback((d, ex, ct) => default, reason: _ => "mailbox gwen.legoff@example.fr is full"),
            new AuditMiddleware(log, PiiDetector.CreateDefault()), log);

        Assert.Equal("mailbox <EMAIL> is full", events.Single(e => e.EventType == AuditEventType.StepFellBack).Outcome);
    }
}
