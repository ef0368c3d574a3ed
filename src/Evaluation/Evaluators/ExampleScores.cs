namespace HybridAI.Evaluation.Evaluators;

/// <summary>The scores of one golden example's output.</summary>
/// <param name="Id">The example's id.</param>
/// <param name="Scores">One score per evaluator, in the evaluators' order.</param>
public sealed record ExampleScores(string Id, IReadOnlyList<EvaluationScore> Scores);
