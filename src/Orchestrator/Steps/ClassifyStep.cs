using System.Globalization;
using HybridAI.Abstractions.Classification;
using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

internal sealed class ClassifyStep<TState, TIn>(string name, IClassifier<TIn> classifier, Func<TState, TIn> input, Action<TState, Classification> apply)
    : WorkflowStep<TState>(name, StepKind.Classify)
    where TState : class, new()
{
    public override ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var state = scope.RunScope.TypedState;
        var result = classifier.Classify(input(state));
        apply(state, result);
        // Labels are the model's fixed vocabulary, never user text, so they are safe to record.
        scope.Outcome = string.Create(CultureInfo.InvariantCulture, $"label={result.Label} p={result.Confidence:0.00}");
        return default;
    }
}

internal sealed class ScoreStep<TState, TIn>(string name, IScorer<TIn> scorer, Func<TState, TIn> input, Action<TState, double> apply)
    : WorkflowStep<TState>(name, StepKind.Score)
    where TState : class, new()
{
    public override ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var state = scope.RunScope.TypedState;
        var score = scorer.Score(input(state));
        apply(state, score);
        scope.Outcome = string.Create(CultureInfo.InvariantCulture, $"score={score:0.000}");
        return default;
    }
}
