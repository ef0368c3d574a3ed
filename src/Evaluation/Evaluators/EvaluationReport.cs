using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>The result of evaluating outputs on a golden set: which set (with its content hash), per-example scores and per-score summaries.</summary>
/// <param name="GoldenSet">The set measured on: name, version, content hash, size.</param>
/// <param name="Examples">Each example's scores, in the set's order.</param>
/// <param name="Summary">Per score name: the mean value and the pass rate (null when the score has no bar).</param>
/// <param name="SetScores">The set evaluators' scores (accuracy, macro-F1…), empty when none ran.</param>
public sealed record EvaluationReport(
    GoldenSetReference GoldenSet,
    IReadOnlyList<ExampleScores> Examples,
    IReadOnlyList<ScoreSummary> Summary,
    IReadOnlyList<EvaluationScore> SetScores);

/// <summary>One score summarised over a golden set.</summary>
/// <param name="Name">The score's name.</param>
/// <param name="Mean">The mean value over the examples (NaN values left out).</param>
/// <param name="PassRate">The share of examples that passed; null when the score has no bar.</param>
/// <param name="Count">How many examples have the score.</param>
public sealed record ScoreSummary(string Name, double Mean, double? PassRate, int Count);
