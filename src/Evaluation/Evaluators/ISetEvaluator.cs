using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>Scores a whole set of outputs at once, for metrics that only exist over a set (accuracy, macro-F1, ROC-AUC, calibration).</summary>
/// <typeparam name="TOutput">What the workflow produced per example.</typeparam>
public interface ISetEvaluator<TOutput>
{
    /// <summary>The expected fields this evaluator reads.</summary>
    GoldenFields Requires { get; }

    /// <summary>Scores all <paramref name="results"/>.</summary>
    /// <param name="results">Each example with its output.</param>
    IReadOnlyList<EvaluationScore> Evaluate(IReadOnlyList<(GoldenExample Example, TOutput Output)> results);
}
