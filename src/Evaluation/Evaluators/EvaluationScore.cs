namespace HybridAI.Evaluation.Evaluators;

/// <summary>One measurement of one output (or, for a set evaluator, of a whole set).</summary>
/// <param name="Name">What was measured, e.g. <c>exact_match</c>, <c>facts_coverage</c>, <c>recall[billing]</c>.</param>
/// <param name="Value">The measurement: a share in [0, 1], a count, or a size, as the evaluator documents.</param>
/// <param name="Passed">Whether the output meets the evaluator's bar; null where there is no bar.</param>
/// <param name="Detail">A short explanation (counts, which bound or item failed); never quotes the input.</param>
public sealed record EvaluationScore(string Name, double Value, bool? Passed = null, string? Detail = null);
