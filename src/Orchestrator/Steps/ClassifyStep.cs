using System.Globalization;
using HybridAI.Abstractions.Classification;
using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

internal sealed class ClassifyStep<TState, TIn>(string name, IClassifier<TIn> classifier, Func<TState, TIn> input, Action<TState, Classification> apply)
    : ModelStep<TState, TIn, Classification>(name, StepKind.Classify, input)
    where TState : class, new()
{
    protected override Func<IReadOnlyList<TIn>, IReadOnlyList<Classification>>? Many => classifier is IBatchClassifier<TIn> batch ? batch.Classify : null;

    protected override string NoBatchContract =>
        $"batching needs a classifier that implements IBatchClassifier<{typeof(TIn).Name}>, and {classifier.GetType().Name} does not.";

    protected override Classification One(TIn value) => classifier.Classify(value);

    protected override void Apply(StepScope<TState> scope, Classification result)
    {
        apply(scope.RunScope.TypedState, result);
        // Labels are the model's fixed vocabulary, never user text, so they are safe to record.
        scope.Outcome = string.Create(CultureInfo.InvariantCulture, $"label={result.Label} p={result.Confidence:0.00}");
    }
}

internal sealed class ScoreStep<TState, TIn>(string name, IScorer<TIn> scorer, Func<TState, TIn> input, Action<TState, double> apply)
    : ModelStep<TState, TIn, double>(name, StepKind.Score, input)
    where TState : class, new()
{
    protected override Func<IReadOnlyList<TIn>, IReadOnlyList<double>>? Many => scorer is IBatchScorer<TIn> batch ? batch.Score : null;

    protected override string NoBatchContract =>
        $"batching needs a scorer that implements IBatchScorer<{typeof(TIn).Name}>, and {scorer.GetType().Name} does not.";

    protected override double One(TIn value) => scorer.Score(value);

    protected override void Apply(StepScope<TState> scope, double score)
    {
        apply(scope.RunScope.TypedState, score);
        scope.Outcome = string.Create(CultureInfo.InvariantCulture, $"score={score:0.000}");
    }
}
