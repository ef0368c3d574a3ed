using HybridAI.Abstractions.Privacy;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Audit;

/// <summary>
/// Records each run's start and end in the audit trail: RunStarted, then RunCompleted, RunSuspended (with the gate
/// and its masked reason), RunCancelled, or RunFailed (with the error type and masked message; the failure is
/// rethrown). Register it as run middleware beside <see cref="AuditMiddleware"/> for the steps.
/// </summary>
/// <example>
/// <code>
/// await using var audit = new SqliteAuditLog("audit.db");
/// var pii = PiiDetector.CreateDefault();
/// var workflow = Workflow.Create&lt;Ticket&gt;("ticket-triage")
///     .UseRun(new AuditRunMiddleware(audit, pii))
///     .Use(new AuditMiddleware(audit, pii))
///     // ... steps ...
///     .Build();
/// </code>
/// </example>
public sealed class AuditRunMiddleware : IRunMiddleware
{
    private readonly IAuditSink _sink;
    private readonly RedactionCache? _redaction;

    /// <summary>Creates the middleware.</summary>
    /// <param name="sink">Where events go.</param>
    /// <param name="detector">Optional: masks personal data in suspension reasons and error messages before writing.</param>
    public AuditRunMiddleware(IAuditSink sink, IPiiDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _redaction = detector is null ? null : new RedactionCache(detector);
    }

    /// <inheritdoc />
    public async ValueTask InvokeAsync(RunContext context, RunDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var time = context.TimeProvider;
        await _sink.WriteAsync(Create(context, AuditEventType.RunStarted, TimeSpan.Zero) with
        {
            Outcome = context.PendingDecision is null ? null : "resumed",
        }).ConfigureAwait(false);
        var started = time.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await _sink.WriteAsync(Create(context, AuditEventType.RunCancelled, time.GetElapsedTime(started))).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            var cause = ex is WorkflowStepException { InnerException: { } inner } ? inner : ex;
            await _sink.WriteAsync(Create(context, AuditEventType.RunFailed, time.GetElapsedTime(started)) with
            {
                Step = (ex as WorkflowStepException)?.StepName,
                ErrorType = cause.GetType().FullName,
                ErrorMessage = Clean(cause.Message),
            }).ConfigureAwait(false);
            throw;
        }
        var elapsed = time.GetElapsedTime(started);
        var end = context.Status switch
        {
            RunStatus.Suspended => Create(context, AuditEventType.RunSuspended, elapsed) with
            {
                Step = context.SuspendedAtStep,
                Kind = StepKind.Gate,
                Outcome = Clean(context.SuspendReason),
            },
            RunStatus.Cancelled => Create(context, AuditEventType.RunCancelled, elapsed),
            _ => Create(context, AuditEventType.RunCompleted, elapsed),
        };
        await _sink.WriteAsync(end).ConfigureAwait(false);
    }

    private static AuditEvent Create(RunContext run, AuditEventType type, TimeSpan duration) => new()
    {
        Timestamp = run.TimeProvider.GetUtcNow(),
        RunId = run.RunId,
        Workflow = run.WorkflowName,
        WorkflowVersion = run.WorkflowVersion,
        StepIndex = -1,
        EventType = type,
        Duration = duration,
    };

    private string? Clean(string? text) =>
        text is null || text.Length == 0 || _redaction is null ? text : _redaction.Redact(text);
}
