namespace HybridAI.Retrieval.Evaluation;

/// <summary>
/// The standard measures of one ranked list against graded relevance judgements. Ranks start at 1;
/// <c>ranked</c> holds ids best first and should not repeat an id.
/// </summary>
/// <example>
/// <code>
/// var relevant = new Dictionary&lt;string, double&gt; { ["KB002"] = 1, ["KB005"] = 1 };
/// RankingMetrics.RecallAt(["KB007", "KB002"], relevant, k: 2);   // 0.5
/// RankingMetrics.ReciprocalRank(["KB007", "KB002"], relevant);   // 0.5
/// </code>
/// </example>
public static class RankingMetrics
{
    /// <summary>The share of the relevant ids found in the first <paramref name="k"/> results (0 when none are relevant).</summary>
    public static double RecallAt(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, double> relevant, int k)
    {
        Check(ranked, relevant, k);
        if (relevant.Count == 0)
        {
            return 0;
        }

        int found = 0;
        for (int i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.ContainsKey(ranked[i]))
            {
                found++;
            }
        }

        return (double)found / relevant.Count;
    }

    /// <summary>1 / the rank of the first relevant result; 0 when no result is relevant.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, double> relevant)
    {
        Check(ranked, relevant, 1);
        for (int i = 0; i < ranked.Count; i++)
        {
            if (relevant.ContainsKey(ranked[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>
    /// Normalised discounted cumulative gain at <paramref name="k"/>: the sum of grade / log2(rank + 1) over the first
    /// k results, divided by the same sum for the ideal order of the judged ids. 1 is a perfect ranking.
    /// </summary>
    public static double NdcgAt(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, double> relevant, int k)
    {
        Check(ranked, relevant, k);
        double dcg = 0;
        for (int i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.TryGetValue(ranked[i], out double grade))
            {
                dcg += grade / Math.Log2(i + 2);
            }
        }

        var ideal = relevant.Values.OrderByDescending(g => g).Take(k).ToArray();
        double idcg = 0;
        for (int i = 0; i < ideal.Length; i++)
        {
            idcg += ideal[i] / Math.Log2(i + 2);
        }

        return idcg > 0 ? dcg / idcg : 0;
    }

    private static void Check(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, double> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }
}
