using HybridAI.Orchestrator.Batching;
using HybridAI.Orchestrator.Resilience;
using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

/// <summary>One step of a workflow: a name, a kind and a body that reads and writes the state.</summary>
internal abstract class WorkflowStep<TState>
    where TState : class, new()
{
    protected WorkflowStep(string name, StepKind kind)
    {
        Name = name;
        Kind = kind;
        SpanName = StepKindNames.Of(kind) + " " + name;
    }

    public string Name { get; }
    public StepKind Kind { get; }
    public int Index { get; set; }
    public string SpanName { get; }

    /// <summary>Null when the step has no resilience: it then runs without Polly at all.</summary>
    public StepResilience<TState>? Resilience { get; set; }

    /// <summary>Whether the step coalesces the items of a batch run (see <see cref="UseBatching"/>).</summary>
    public virtual bool Batches => false;

    /// <summary>Sets (or clears, with null) the step's batching; returns why it cannot batch, or null.</summary>
    public virtual string? UseBatching(BatchingSettings? settings) =>
        settings is null ? null : $"only classify and score steps batch, not a {Kind} step.";

    /// <summary>Does the step's work.</summary>
    public abstract ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken);

    /// <summary>Checks references to other steps once the whole workflow is known.</summary>
    public virtual void Bind(Workflow<TState> workflow)
    {
    }

    /// <summary>The innermost step delegate: resilience (if any) around the body.</summary>
    public ValueTask InvokeAsync(StepScope<TState> scope)
        => Resilience is null
            ? ExecuteAsync(scope, scope.RunScope.CancellationToken)
            : Resilience.ExecuteAsync(this, scope);
}
