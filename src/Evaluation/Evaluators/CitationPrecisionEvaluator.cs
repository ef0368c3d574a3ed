using System.Globalization;
using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>citation_precision</c>: the share of the distinct evidence ids the output cites that are gold
/// (<c>expected.required_citations</c>). Citing nothing scores 1 when no evidence is expected and 0 otherwise.
/// Passed when the share reaches <c>minPrecision</c>.
/// </summary>
/// <example>
/// <code>
/// // expected.required_citations: ["kb-12#3", "kb-40#1"]
/// var s = new CitationPrecisionEvaluator().Evaluate(example, ["kb-12#3", "kb-99#2"]); // 0.5
/// </code>
/// </example>
public sealed class CitationPrecisionEvaluator : IEvaluator<IReadOnlyList<string>>
{
    private readonly double _min;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="minPrecision">The share needed to pass, in [0, 1].</param>
    public CitationPrecisionEvaluator(double minPrecision = 1)
    {
        CitationOverlap.CheckBar(minPrecision, nameof(minPrecision));
        _min = minPrecision;
    }

    /// <inheritdoc />
    public GoldenFields Requires => GoldenFields.RequiredCitations;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, IReadOnlyList<string> output)
    {
        (int cited, int gold, int hits) = CitationOverlap.Count(example, output, nameof(CitationPrecisionEvaluator));
        double precision = cited == 0 ? (gold == 0 ? 1 : 0) : hits / (double)cited;
        return new EvaluationScore("citation_precision", precision, precision >= _min - 1e-12,
            string.Create(CultureInfo.InvariantCulture, $"{hits} of {cited} cited ids are gold"));
    }
}
