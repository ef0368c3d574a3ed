namespace HybridAI.Evaluation.Statistics;

/// <summary>The outcome of the Wilcoxon signed-rank test on paired scores.</summary>
/// <param name="Items">How many paired items were given.</param>
/// <param name="ZeroDifferences">Items with candidate = baseline, dropped before ranking (Wilcoxon's method).</param>
/// <param name="PositiveRankSum">W⁺: the sum of the ranks of |difference| where the candidate scored higher.</param>
/// <param name="NegativeRankSum">W⁻: the same where the baseline scored higher.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Test"><see cref="StatisticalTest.WilcoxonExact"/> or <see cref="StatisticalTest.WilcoxonNormal"/>.</param>
public sealed record WilcoxonResult(int Items, int ZeroDifferences, double PositiveRankSum, double NegativeRankSum, double PValue, StatisticalTest Test)
{
    /// <summary>The differences that were ranked (items minus zero differences).</summary>
    public int RankedPairs => Items - ZeroDifferences;

    /// <summary>
    /// Matched-pairs rank-biserial correlation (W⁺ − W⁻) / (W⁺ + W⁻), from −1 (the baseline always
    /// higher) through 0 to +1 (the candidate always higher); 0 when every difference is zero.
    /// </summary>
    public double RankBiserial
    {
        get
        {
            var total = PositiveRankSum + NegativeRankSum;
            return total == 0 ? 0 : (PositiveRankSum - NegativeRankSum) / total;
        }
    }
}
