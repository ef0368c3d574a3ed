using System.Globalization;
using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>citation_recall</c>: the share of gold evidence ids (<c>expected.required_citations</c>) the output cites.
/// No gold ids scores 1. Passed when the share reaches <c>minRecall</c>.
/// </summary>
/// <example>
/// <code>
/// // expected.required_citations: ["kb-12#3", "kb-40#1"]
/// var s = new CitationRecallEvaluator().Evaluate(example, ["kb-12#3"]); // 0.5, failed
/// </code>
/// </example>
public sealed class CitationRecallEvaluator : IEvaluator<IReadOnlyList<string>>
{
    private readonly double _min;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="minRecall">The share needed to pass, in [0, 1].</param>
    public CitationRecallEvaluator(double minRecall = 1)
    {
        CitationOverlap.CheckBar(minRecall, nameof(minRecall));
        _min = minRecall;
    }

    /// <inheritdoc />
    public GoldenFields Requires => GoldenFields.RequiredCitations;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, IReadOnlyList<string> output)
    {
        (_, int gold, int hits) = CitationOverlap.Count(example, output, nameof(CitationRecallEvaluator));
        double recall = gold == 0 ? 1 : hits / (double)gold;
        return new EvaluationScore("citation_recall", recall, recall >= _min - 1e-12,
            string.Create(CultureInfo.InvariantCulture, $"{hits} of {gold} gold ids cited"));
    }
}
