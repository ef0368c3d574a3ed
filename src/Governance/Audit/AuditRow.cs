using HybridAI.Orchestrator;

namespace HybridAI.Governance.Audit;

/// <summary>A row exactly as stored, the input of the chain hash (the same in every backend).</summary>
internal readonly record struct AuditRow(
    long Id, long TimestampUtcTicks, string RunId, string Workflow, string Version, string? Step, long StepIndex,
    string Kind, string EventType, string? Outcome, string? ErrorType, string? ErrorMessage, long DurationTicks,
    int Format = AuditRow.CurrentFormat, string? Actor = null, string? ActorRole = null, string? Model = null,
    string? Prompt = null, string? Output = null, string? ContextIds = null, long? InputTokens = null, long? OutputTokens = null)
{
    /// <summary>The row format new rows are written in (see <see cref="AuditRowHasher"/>).</summary>
    public const int CurrentFormat = 2;

    public static AuditRow From(long id, in AuditEvent e) => new(
        id, e.Timestamp.UtcTicks, e.RunId, e.Workflow, e.WorkflowVersion, e.Step, e.StepIndex,
        AuditSchema.KindName(e.Kind), AuditSchema.EventName(e.EventType), e.Outcome, e.ErrorType, e.ErrorMessage,
        e.Duration.Ticks, CurrentFormat, e.Actor, e.ActorRole, e.Model, e.Prompt, e.Output, e.ContextIds,
        e.InputTokens, e.OutputTokens);

    /// <summary>The event this row stores; <paramref name="where"/> names the store in the error for an unknown event type.</summary>
    public AuditEvent ToEvent(string where) => new()
    {
        Timestamp = new DateTimeOffset(TimestampUtcTicks, TimeSpan.Zero),
        RunId = RunId,
        Workflow = Workflow,
        WorkflowVersion = Version,
        Step = Step,
        StepIndex = (int)StepIndex,
        Kind = Enum.TryParse<StepKind>(Kind, out var kind) ? kind : default,
        EventType = Enum.TryParse<AuditEventType>(EventType, out var type) ? type
            : throw new InvalidDataException($"Audit record {Id} in {where} has an unknown event type '{EventType}'."),
        Outcome = Outcome,
        ErrorType = ErrorType,
        ErrorMessage = ErrorMessage,
        Duration = TimeSpan.FromTicks(DurationTicks),
        Actor = Actor,
        ActorRole = ActorRole,
        Model = Model,
        Prompt = Prompt,
        Output = Output,
        ContextIds = ContextIds,
        InputTokens = InputTokens,
        OutputTokens = OutputTokens,
    };
}
