using System.Globalization;
using HybridAI.Abstractions.Classification;
using HybridAI.Orchestrator.Batching;
using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

internal sealed class ClassifyStep<TState, TIn>(string name, IClassifier<TIn> classifier, Func<TState, TIn> input, Action<TState, Classification> apply)
    : WorkflowStep<TState>(name, StepKind.Classify)
    where TState : class, new()
{
    private BatchingSettings? _batching;

    public override bool Batches => _batching is not null;

    public override string? UseBatching(BatchingSettings? settings)
    {
        if (settings is not null && classifier is not IBatchClassifier<TIn>)
        {
            return $"batching needs a classifier that implements IBatchClassifier<{typeof(TIn).Name}>, and {classifier.GetType().Name} does not.";
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

        Apply(scope, classifier.Classify(value));
        return default;
    }

    private async ValueTask ExecuteBatchedAsync(StepScope<TState> scope, TIn value, BatchItem item, CancellationToken cancellationToken)
    {
        var batcher = item.Run.GetBatcher(Index, this, static (run, step) => new MicroBatcher<TIn, Classification>(
            run, step.Index, step._batching!, ((IBatchClassifier<TIn>)step.Classifier).Classify, step.Classifier.Classify));
        Apply(scope, await batcher.RunAsync(value, item, cancellationToken).ConfigureAwait(false));
    }

    private IClassifier<TIn> Classifier => classifier;

    private void Apply(StepScope<TState> scope, Classification result)
    {
        apply(scope.RunScope.TypedState, result);
        // Labels are the model's fixed vocabulary, never user text, so they are safe to record.
        scope.Outcome = string.Create(CultureInfo.InvariantCulture, $"label={result.Label} p={result.Confidence:0.00}");
    }
}

internal sealed class ScoreStep<TState, TIn>(string name, IScorer<TIn> scorer, Func<TState, TIn> input, Action<TState, double> apply)
    : WorkflowStep<TState>(name, StepKind.Score)
    where TState : class, new()
{
    private BatchingSettings? _batching;

    public override bool Batches => _batching is not null;

    public override string? UseBatching(BatchingSettings? settings)
    {
        if (settings is not null && scorer is not IBatchScorer<TIn>)
        {
            return $"batching needs a scorer that implements IBatchScorer<{typeof(TIn).Name}>, and {scorer.GetType().Name} does not.";
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

        Apply(scope, scorer.Score(value));
        return default;
    }

    private async ValueTask ExecuteBatchedAsync(StepScope<TState> scope, TIn value, BatchItem item, CancellationToken cancellationToken)
    {
        var batcher = item.Run.GetBatcher(Index, this, static (run, step) => new MicroBatcher<TIn, double>(
            run, step.Index, step._batching!, ((IBatchScorer<TIn>)step.Scorer).Score, step.Scorer.Score));
        Apply(scope, await batcher.RunAsync(value, item, cancellationToken).ConfigureAwait(false));
    }

    private IScorer<TIn> Scorer => scorer;

    private void Apply(StepScope<TState> scope, double score)
    {
        apply(scope.RunScope.TypedState, score);
        scope.Outcome = string.Create(CultureInfo.InvariantCulture, $"score={score:0.000}");
    }
}
