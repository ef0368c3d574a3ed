using System.Globalization;
using HybridAI.Abstractions.Privacy;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Audit;

/// <summary>
/// Records every step in the audit trail: StepCompleted with its outcome and duration, or StepFailed with the error
/// type and message (then rethrows); a step whose fallback ran gets a StepFellBack event first, saying why. As a safety net, outcome and error text pass through the PII detector first,
/// so no personal data reaches the audit file even when a step body forgets to keep its outcome clean.
/// A gate that applies a reviewer's decision on resume also gives a GateDecision event naming the reviewer, and a
/// model called from inside a step through <see cref="AuditingChatClient"/> is recorded under the step's run.
/// </summary>
/// <example>
/// <code>
/// await using var log = new SqliteAuditLog("audit.db");
/// var audit = new AuditMiddleware(log, PiiDetector.CreateDefault());
/// // register as step middleware: every step of every run is now recorded.
/// </code>
/// </example>
public sealed class AuditMiddleware : IStepMiddleware
{
    private readonly IAuditSink _sink;
    private readonly RedactionCache? _redaction;
    private readonly bool _recordStarts;

    /// <summary>Creates the middleware.</summary>
    /// <param name="sink">Where events go.</param>
    /// <param name="detector">Optional: masks personal data in outcome and error text before writing.</param>
    /// <param name="recordStepStarted">Also write a StepStarted event before each step (doubles the events).</param>
    public AuditMiddleware(IAuditSink sink, IPiiDetector? detector = null, bool recordStepStarted = false)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _redaction = detector is null ? null : new RedactionCache(detector);
        _recordStarts = recordStepStarted;
    }

    /// <inheritdoc />
    public async ValueTask InvokeAsync(StepContext context, StepDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var time = context.Run.TimeProvider;
        if (_recordStarts)
            await _sink.WriteAsync(Create(context, AuditEventType.StepStarted, TimeSpan.Zero)).ConfigureAwait(false);
        var decision = context.Kind == StepKind.Gate ? context.Run.PendingDecision : null;
        var started = time.GetTimestamp();
        AuditScope.Current = context;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failed = Create(context, AuditEventType.StepFailed, time.GetElapsedTime(started)) with
            {
                ErrorType = ex.GetType().FullName,
                ErrorMessage = Clean(ex.Message),
            };
            await _sink.WriteAsync(failed).ConfigureAwait(false);
            throw;
        }
        finally
        {
            AuditScope.Current = null;
        }
        var elapsed = time.GetElapsedTime(started);
        if (context.Fallback is { } fallback)
        {
            await _sink.WriteAsync(Create(context, AuditEventType.StepFellBack, elapsed) with
            {
                Outcome = Clean(fallback.Attempts > 1
                    ? string.Create(CultureInfo.InvariantCulture, $"{fallback.Reason} after {fallback.Attempts} attempts")
                    : fallback.Reason),
                ErrorType = fallback.Error.GetType().FullName,
            }).ConfigureAwait(false);
        }
        await _sink.WriteAsync(Create(context, AuditEventType.StepCompleted, elapsed)).ConfigureAwait(false);
        if (decision is not null && context.Run.PendingDecision is null)
        {
            await _sink.WriteAsync(Create(context, AuditEventType.GateDecision, elapsed) with
            {
                Outcome = decision.Approved ? "approved" : "rejected",
                Actor = decision.Reviewer,
                ActorRole = "reviewer",
                ErrorMessage = null,
            }).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records that a run stopped at a gate to wait for a human (the engine or the gate calls this; step middleware
    /// cannot tell a suspension from a completed step). <paramref name="reason"/> is masked like an outcome.
    /// </summary>
    public ValueTask RecordRunSuspendedAsync(RunContext run, string stepName, int stepIndex, string? reason)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(stepName);
        return _sink.WriteAsync(new AuditEvent
        {
            Timestamp = run.TimeProvider.GetUtcNow(),
            RunId = run.RunId,
            Workflow = run.WorkflowName,
            WorkflowVersion = run.WorkflowVersion,
            Step = stepName,
            StepIndex = stepIndex,
            Kind = StepKind.Gate,
            EventType = AuditEventType.RunSuspended,
            Outcome = Clean(reason),
        });
    }

    private AuditEvent Create(StepContext context, AuditEventType type, TimeSpan duration)
    {
        var run = context.Run;
        return new AuditEvent
        {
            Timestamp = run.TimeProvider.GetUtcNow(),
            RunId = run.RunId,
            Workflow = run.WorkflowName,
            WorkflowVersion = run.WorkflowVersion,
            Step = context.StepName,
            StepIndex = context.StepIndex,
            Kind = context.Kind,
            EventType = type,
            Outcome = type == AuditEventType.StepStarted ? null : Clean(context.Outcome),
            Duration = duration,
        };
    }

    private string? Clean(string? text) =>
        text is null || text.Length == 0 || _redaction is null ? text : _redaction.Redact(text);
}
