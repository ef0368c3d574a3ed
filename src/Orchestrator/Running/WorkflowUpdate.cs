namespace HybridAI.Orchestrator;

/// <summary>Something that happened in a streamed run, in order. Match on the subtype, or switch on <see cref="Kind"/>.</summary>
public abstract record WorkflowUpdate
{
    /// <summary>Which subtype this is.</summary>
    public abstract WorkflowUpdateKind Kind { get; }
}

/// <summary>The kinds of <see cref="WorkflowUpdate"/>.</summary>
public enum WorkflowUpdateKind
{
    /// <summary><see cref="StepStarted"/>.</summary>
    StepStarted,
    /// <summary><see cref="StepCompleted"/>.</summary>
    StepCompleted,
    /// <summary><see cref="TextDelta"/>.</summary>
    TextDelta,
    /// <summary><see cref="Completed{TState}"/>.</summary>
    Completed,
}

/// <summary>A step is about to run.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="StepKind">What the step does.</param>
public sealed record StepStarted(string Step, StepKind StepKind) : WorkflowUpdate
{
    /// <inheritdoc />
    public override WorkflowUpdateKind Kind => WorkflowUpdateKind.StepStarted;
}

/// <summary>A step finished.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Outcome">The step's PII-free summary.</param>
public sealed record StepCompleted(string Step, string? Outcome) : WorkflowUpdate
{
    /// <inheritdoc />
    public override WorkflowUpdateKind Kind => WorkflowUpdateKind.StepCompleted;
}

/// <summary>A generate step produced more text.</summary>
/// <param name="Step">The generate step.</param>
/// <param name="Text">The new text only (not what came before).</param>
public sealed record TextDelta(string Step, string Text) : WorkflowUpdate
{
    /// <inheritdoc />
    public override WorkflowUpdateKind Kind => WorkflowUpdateKind.TextDelta;
}

/// <summary>The run ended (completed, suspended, failed or cancelled); always the last update.</summary>
/// <typeparam name="TState">The workflow's state type.</typeparam>
/// <param name="Result">The run's result.</param>
public sealed record Completed<TState>(RunResult<TState> Result) : WorkflowUpdate
{
    /// <inheritdoc />
    public override WorkflowUpdateKind Kind => WorkflowUpdateKind.Completed;
}
