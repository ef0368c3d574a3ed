using MathNet.Numerics.Distributions;

namespace HybridAI.Evaluation.Statistics;

/// <summary>
/// Wilcoxon signed-rank test: do a candidate's scores on the same items tend to sit above or below
/// the baseline's? Zero differences are dropped (Wilcoxon's method, the default of R's wilcox.test
/// and SciPy), tied |differences| share their average rank. Up to <see cref="ExactUpTo"/> ranked
/// differences the p-value comes from the exact permutation distribution of the signed ranks
/// (conditional on the ties, so it stays exact with average ranks); above, from the normal
/// approximation with the tie-corrected variance and a continuity correction of ½.
/// </summary>
/// <example>
/// <code>
/// double[] baseline = [3.1, 2.4, 4.0, 3.3, 2.9, 3.8, 3.0];
/// double[] candidate = [3.6, 2.9, 4.1, 3.9, 3.2, 3.7, 3.5];
/// var result = WilcoxonSignedRankTest.Compare(baseline, candidate);
/// Console.WriteLine($"W+={result.PositiveRankSum} p={result.PValue:F4} r={result.RankBiserial:F2} ({result.Test})");
/// </code>
/// </example>
public static class WilcoxonSignedRankTest
{
    /// <summary>Up to this many non-zero differences the exact distribution is used.</summary>
    public const int ExactUpTo = 50;

    /// <summary>The signed-rank test on the differences candidate[i] − baseline[i].</summary>
    /// <exception cref="ArgumentException">Lengths differ, there are no items, or a value is not finite.</exception>
    public static WilcoxonResult Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate) =>
        FromDifferences(PairedInput.Differences(baseline, candidate));

    internal static WilcoxonResult FromDifferences(double[] differences)
    {
        var magnitudes = new double[differences.Length];
        var positive = new bool[differences.Length];
        var ranked = 0;
        foreach (var d in differences)
        {
            if (d != 0)
            {
                magnitudes[ranked] = Math.Abs(d);
                positive[ranked] = d > 0;
                ranked++;
            }
        }

        var zeros = differences.Length - ranked;
        if (ranked == 0)
        {
            return new WilcoxonResult(differences.Length, zeros, 0, 0, 1, StatisticalTest.WilcoxonExact);
        }

        Array.Sort(magnitudes, positive, 0, ranked);

        // Doubled ranks stay integers under averaging ((start + end + 2) for a tie group), which the exact count needs.
        var doubledRanks = new int[ranked];
        long positiveDoubled = 0;
        double tieCorrection = 0;
        for (var start = 0; start < ranked;)
        {
            var end = start;
            while (end + 1 < ranked && magnitudes[end + 1] == magnitudes[start])
            {
                end++;
            }

            var doubled = start + end + 2;
            for (var r = start; r <= end; r++)
            {
                doubledRanks[r] = doubled;
                if (positive[r])
                {
                    positiveDoubled += doubled;
                }
            }

            double t = end - start + 1;
            tieCorrection += (t * t * t) - t;
            start = end + 1;
        }

        var totalDoubled = (long)ranked * (ranked + 1);
        var wPlus = positiveDoubled / 2d;
        var wMinus = (totalDoubled - positiveDoubled) / 2d;

        if (ranked <= ExactUpTo)
        {
            var p = ExactTwoSided(doubledRanks, (int)positiveDoubled, (int)totalDoubled);
            return new WilcoxonResult(differences.Length, zeros, wPlus, wMinus, p, StatisticalTest.WilcoxonExact);
        }

        double m = ranked;
        var mean = m * (m + 1) / 4;
        var variance = (m * (m + 1) * ((2 * m) + 1) / 24) - (tieCorrection / 48);
        var z = Math.Max(0, Math.Abs(wPlus - mean) - 0.5) / Math.Sqrt(variance);
        var normalP = Math.Min(1, 2 * Normal.CDF(0, 1, -z));
        return new WilcoxonResult(differences.Length, zeros, wPlus, wMinus, normalP, StatisticalTest.WilcoxonNormal);
    }

    /// <summary>
    /// Counts the 2ⁿ sign assignments by their doubled positive-rank sum (a subset-sum table), then
    /// doubles the smaller tail. Up to 50 ranks the counts (≤ 2⁵⁰) are exact in a double.
    /// </summary>
    private static double ExactTwoSided(int[] doubledRanks, int observed, int total)
    {
        var ways = new double[total + 1];
        ways[0] = 1;
        var reach = 0;
        foreach (var rank in doubledRanks)
        {
            for (var s = reach; s >= 0; s--)
            {
                if (ways[s] != 0)
                {
                    ways[s + rank] += ways[s];
                }
            }

            reach += rank;
        }

        double below = 0, above = 0, all = 0;
        for (var s = 0; s <= total; s++)
        {
            all += ways[s];
            if (s <= observed)
            {
                below += ways[s];
            }

            if (s >= observed)
            {
                above += ways[s];
            }
        }

        return Math.Min(1, 2 * Math.Min(below, above) / all);
    }
}
