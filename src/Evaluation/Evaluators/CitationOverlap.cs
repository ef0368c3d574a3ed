using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>Counts the distinct cited ids and how many of them are gold evidence ids (ordinal comparison).</summary>
internal static class CitationOverlap
{
    public static (int Cited, int Gold, int Hits) Count(GoldenExample example, IReadOnlyList<string> cited, string evaluator)
    {
        ArgumentNullException.ThrowIfNull(cited);
        var gold = new HashSet<string>(Expect.List(example, GoldenFields.RequiredCitations, evaluator), StringComparer.Ordinal);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < cited.Count; i++)
        {
            distinct.Add(cited[i] ?? throw new ArgumentException($"cited[{i}] is null.", nameof(cited)));
        }

        int hits = distinct.Count(gold.Contains);
        return (distinct.Count, gold.Count, hits);
    }

    public static void CheckBar(double min, string parameter)
    {
        if (!(min >= 0 && min <= 1))
        {
            throw new ArgumentOutOfRangeException(parameter, min, "The bar must be in [0, 1].");
        }
    }
}
