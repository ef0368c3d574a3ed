using HybridAI.Orchestrator.Batching;
using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

/// <summary>
/// A step that asks a model one question per item (classify, score): called directly, or, with batching on and run by
/// the batch runner, through the run's micro-batcher for this step so concurrent items share one model call.
/// </summary>
internal abstract class ModelStep<TState, TIn, TOut>(string name, StepKind kind, Func<TState, TIn> input)
    : WorkflowStep<TState>(name, kind)
    where TState : class, new()
{
    private BatchingSettings? _batching;

    public override bool Batches => _batching is not null;

    /// <summary>The model's batch call, or null when it has none (then batching is refused at build time).</summary>
    protected abstract Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>>? Many { get; }

    /// <summary>Why batching cannot be used with this model, for the build-time error.</summary>
    protected abstract string NoBatchContract { get; }

    public override string? UseBatching(BatchingSettings? settings)
    {
        if (settings is not null && Many is null)
        {
            return NoBatchContract;
        }

        _batching = settings;
        return null;
    }

    public override ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var value = input(scope.RunScope.TypedState);
        if (_batching is not null && scope.RunScope.BatchItem is { } item)
        {
            return ExecuteBatchedAsync(scope, value, item, cancellationToken);
        }

        Apply(scope, One(value));
        return default;
    }

    /// <summary>The model's single call.</summary>
    protected abstract TOut One(TIn value);

    /// <summary>Writes the answer into the state and records a safe outcome.</summary>
    protected abstract void Apply(StepScope<TState> scope, TOut result);

    private async ValueTask ExecuteBatchedAsync(StepScope<TState> scope, TIn value, BatchItem item, CancellationToken cancellationToken)
    {
        var batcher = item.Run.GetBatcher(Index, this, static (run, step) => new MicroBatcher<TIn, TOut>(
            run, step.Index, step._batching!, step.Many!, step.One));
        Apply(scope, await batcher.RunAsync(value, item, cancellationToken).ConfigureAwait(false));
    }
}
