using System.Text;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Governance.Tests.Audit;

public class AuditMiddlewareTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed class Ticket
    {
        public string Body { get; set; } = "";
        public string? Reply { get; set; }
    }

    /// <summary>An in-memory sink: records what the middleware hands over.</summary>
    private sealed class ListSink : IAuditSink
    {
        public List<AuditEvent> Events { get; } = [];

        public ValueTask WriteAsync(AuditEvent auditEvent)
        {
            Events.Add(auditEvent);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Records_completed_steps_with_outcome_and_elapsed_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var run = new TestRunContext(new Ticket(), time, "run-42");
        var sink = new ListSink();
        var step = new TestStepContext(run, "classify", StepKind.Classify, 1);

        await new AuditMiddleware(sink).InvokeAsync(step, ctx =>
        {
            time.Advance(TimeSpan.FromMilliseconds(12));
            ctx.Outcome = "label=billing p=0.93";
            return ValueTask.CompletedTask;
        });

        var e = Assert.Single(sink.Events);
        Assert.Equal(AuditEventType.StepCompleted, e.EventType);
        Assert.Equal(("run-42", "ticket-triage", "1.2.0", "classify", 1, StepKind.Classify), (e.RunId, e.Workflow, e.WorkflowVersion, e.Step, e.StepIndex, e.Kind));
        Assert.Equal("label=billing p=0.93", e.Outcome);
        Assert.Equal(TimeSpan.FromMilliseconds(12), e.Duration);
        Assert.Equal(time.GetUtcNow(), e.Timestamp);
        Assert.Null(e.ErrorType);
    }

    [Fact]
    public async Task Records_failures_with_masked_message_then_rethrows()
    {
        var run = new TestRunContext(new Ticket());
        var sink = new ListSink();
        var step = new TestStepContext(run, "lookup", StepKind.CallTool, 2);
        var middleware = new AuditMiddleware(sink, PiiDetector.CreateDefault());

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(step,
            _ => throw new InvalidOperationException("No account for jane.doe@example.com (tel 06 12 34 56 78)")).AsTask());

        Assert.Equal("No account for jane.doe@example.com (tel 06 12 34 56 78)", thrown.Message);
        var e = Assert.Single(sink.Events);
        Assert.Equal(AuditEventType.StepFailed, e.EventType);
        Assert.Equal("System.InvalidOperationException", e.ErrorType);
        Assert.Equal("No account for <EMAIL> (tel <PHONE>)", e.ErrorMessage);
    }

    [Fact]
    public async Task Records_starts_when_asked()
    {
        var sink = new ListSink();
        var step = new TestStepContext(new TestRunContext(new Ticket()), "s", StepKind.Transform, 0);
        await new AuditMiddleware(sink, recordStepStarted: true).InvokeAsync(step, _ => ValueTask.CompletedTask);
        Assert.Equal([AuditEventType.StepStarted, AuditEventType.StepCompleted], sink.Events.Select(e => e.EventType));
    }

    [Fact]
    public async Task Records_a_suspended_run_with_a_masked_reason()
    {
        var sink = new ListSink();
        var run = new TestRunContext(new Ticket(), runId: "run-7");
        await new AuditMiddleware(sink, PiiDetector.CreateDefault()).RecordRunSuspendedAsync(run, "approve-refund", 3, "refund to FR14 2004 1010 0505 0001 3M02 606 needs approval");
        var e = Assert.Single(sink.Events);
        Assert.Equal((AuditEventType.RunSuspended, StepKind.Gate, "approve-refund", 3), (e.EventType, e.Kind, e.Step, e.StepIndex));
        Assert.Equal("refund to <IBAN> needs approval", e.Outcome);
    }

    [Fact]
    public async Task Outcome_with_pii_is_masked_before_writing()
    {
        var sink = new ListSink();
        var step = new TestStepContext(new TestRunContext(new Ticket()), "extract", StepKind.Transform, 0);
        var middleware = new AuditMiddleware(sink, PiiDetector.CreateDefault());
        for (var i = 0; i < 2; i++) // the second time comes from the redaction cache
        {
            await middleware.InvokeAsync(step, ctx =>
            {
                ctx.Outcome = "customer=john@example.com card=4111 1111 1111 1111";
                return ValueTask.CompletedTask;
            });
        }
        Assert.All(sink.Events, e => Assert.Equal("customer=<EMAIL> card=<CREDIT_CARD>", e.Outcome));
    }

    [Fact]
    public async Task Audit_file_contains_none_of_the_planted_pii()
    {
        string[] planted =
        [
            "Gwenaëlle", "Le Goff", "gwen.legoff@example.fr", "06 12 34 56 78", "4111 1111 1111 1111",
            "FR14 2004 1010 0505 0001 3M02 606", "1 85 05 78 006 084 91", "536-22-1234", "Thornbury",
        ];
        var body = "Bonjour, je m'appelle Gwenaëlle Le Goff (gwen.legoff@example.fr, 06 12 34 56 78). " +
            "Carte 4111 1111 1111 1111, IBAN FR14 2004 1010 0505 0001 3M02 606, sécu 1 85 05 78 006 084 91, SSN 536-22-1234.";
        var path = _dir.File("audit.db");
        var detector = PiiDetector.CreateDefault();
        await using (var log = new SqliteAuditLog(path))
        {
            var run = new TestRunContext(new Ticket { Body = body }, runId: "run-pii");
            var masking = new PiiMaskingMiddleware(new PiiMasker(detector));
            var audit = new AuditMiddleware(log, detector);
            await masking.InvokeAsync(run, async ctx =>
            {
                // Step 1 echoes the (masked) state into its outcome, as a careless step body might.
                await audit.InvokeAsync(new TestStepContext(ctx, "summarise", StepKind.Generate, 0), s =>
                {
                    s.Outcome = "summary=" + ((Ticket)s.State).Body;
                    return ValueTask.CompletedTask;
                });
                // Step 2 leaks raw PII from elsewhere into its outcome and its error.
                var failing = new TestStepContext(ctx, "notify", StepKind.CallTool, 1);
                await Assert.ThrowsAsync<InvalidOperationException>(() => audit.InvokeAsync(failing, s =>
                {
                    s.Outcome = "to=gwen.legoff@example.fr";
                    throw new InvalidOperationException("Dear Mr. Thornbury: mailbox gwen.legoff@example.fr is full, call 06 12 34 56 78");
                }).AsTask());
            });
            Assert.Equal(body, PiiMaskingMiddleware.GetVault(run)!.Unmask(((Ticket)run.State).Body));
            await log.FlushAsync();
            Assert.Equal(2, (await log.ReadAsync("run-pii")).Count);
        }

        var bytes = Directory.GetFiles(_dir.Path).SelectMany(File.ReadAllBytes).ToArray();
        Assert.NotEmpty(bytes);
        foreach (var value in planted)
        {
            var utf8 = Encoding.UTF8.GetBytes(value);
            Assert.True(bytes.AsSpan().IndexOf(utf8) < 0, $"planted value #{Array.IndexOf(planted, value)} found in the audit file");
        }
        Assert.True(bytes.AsSpan().IndexOf("<EMAIL"u8) >= 0, "placeholders are expected in the audit file");
    }
}
