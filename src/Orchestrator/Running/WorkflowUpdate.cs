namespace HybridAI.Orchestrator;

/// <summary>Something that happened in a streamed run, in order.</summary>
public abstract record WorkflowUpdate;

/// <summary>A step is about to run.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Kind">What the step does.</param>
public sealed record StepStarted(string Step, StepKind Kind) : WorkflowUpdate;

/// <summary>A step finished.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Outcome">The step's PII-free summary.</param>
public sealed record StepCompleted(string Step, string? Outcome) : WorkflowUpdate;

/// <summary>A generate step produced more text.</summary>
/// <param name="Step">The generate step.</param>
/// <param name="Text">The new text only (not what came before).</param>
public sealed record TextDelta(string Step, string Text) : WorkflowUpdate;

/// <summary>The run ended (completed, suspended, failed or cancelled); always the last update.</summary>
/// <typeparam name="TState">The workflow's state type.</typeparam>
/// <param name="Result">The run's result.</param>
public sealed record Completed<TState>(RunResult<TState> Result) : WorkflowUpdate;
