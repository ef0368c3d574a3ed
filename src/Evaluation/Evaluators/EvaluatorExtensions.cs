using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>Composition helpers for evaluators.</summary>
public static class EvaluatorExtensions
{
    /// <summary>
    /// Runs <paramref name="evaluator"/> on a part of a richer output, so evaluators of different parts share one list.
    /// </summary>
    /// <example>
    /// <code>
    /// var evaluators = new List&lt;IEvaluator&lt;RagResult&gt;&gt;
    /// {
    ///     new RequiredFactsEvaluator().For((RagResult r) =&gt; r.Answer),
    ///     new CitationRecallEvaluator().For((RagResult r) =&gt; r.CitedChunkIds),
    /// };
    /// </code>
    /// </example>
    /// <param name="evaluator">The evaluator of the part.</param>
    /// <param name="part">Picks the part out of the output.</param>
    public static IEvaluator<TOutput> For<TOutput, TPart>(this IEvaluator<TPart> evaluator, Func<TOutput, TPart> part)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(part);
        return new PartEvaluator<TOutput, TPart>(evaluator, part);
    }

    private sealed class PartEvaluator<TOutput, TPart>(IEvaluator<TPart> inner, Func<TOutput, TPart> part) : IEvaluator<TOutput>
    {
        public GoldenFields Requires => inner.Requires;

        public EvaluationScore Evaluate(GoldenExample example, TOutput output) => inner.Evaluate(example, part(output));
    }
}
