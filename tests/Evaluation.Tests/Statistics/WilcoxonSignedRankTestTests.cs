using HybridAI.Evaluation.Statistics;

namespace HybridAI.Evaluation.Tests.Statistics;

public sealed class WilcoxonSignedRankTestTests
{
    [Fact]
    public void Darwins_plant_heights_match_the_published_exact_p_value()
    {
        // Darwin's cross- vs self-fertilised Zea mays height differences (the SciPy wilcoxon docs example):
        // W⁻ = 24, two-sided exact p = 0.041259765625. Re-checked here by python3 brute force over all 2¹⁵ sign assignments.
        double[] differences = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
        var baseline = new double[differences.Length];

        var result = WilcoxonSignedRankTest.Compare(baseline, differences);

        Assert.Equal(StatisticalTest.WilcoxonExact, result.Test);
        Assert.Equal(96, result.PositiveRankSum);
        Assert.Equal(24, result.NegativeRankSum);
        Assert.Equal(0.041259765625, result.PValue, 12);
        Assert.Equal((96 - 24) / 120d, result.RankBiserial, 12);
    }

    [Fact]
    public void Ties_and_zeros_stay_exact_with_average_ranks()
    {
        // One zero dropped; tied magnitudes 0.5 (×2), 1.5 (×2), 2 (×4, one negative). python3 brute force over the
        // 2¹¹ sign assignments of the average ranks: W⁺ = 54, W⁻ = 12, p = 0.0673828125.
        double[] differences = [1.5, -0.5, 2, 2, 0, -1, 3, 1.5, 0.5, -2, 4, 2];
        var baseline = new double[differences.Length];

        var result = WilcoxonSignedRankTest.Compare(baseline, differences);

        Assert.Equal(1, result.ZeroDifferences);
        Assert.Equal(11, result.RankedPairs);
        Assert.Equal(54, result.PositiveRankSum);
        Assert.Equal(12, result.NegativeRankSum);
        Assert.Equal(0.0673828125, result.PValue, 12);
    }

    [Fact]
    public void Many_pairs_use_the_tie_corrected_normal_approximation()
    {
        // dᵢ = ((37·i) mod 11) − 3 for i < 60: 5 zeros, 55 ranked with heavy ties. Expected from the textbook formula in python3:
        // W⁺ = 1231, var = m(m+1)(2m+1)/24 − Σ(t³−t)/48, z = (|W⁺ − m(m+1)/4| − ½)/√var, p = erfc(z/√2) = 0.00010781524996463304.
        var differences = new double[60];
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = ((37 * i) % 11) - 3;
        }

        var result = WilcoxonSignedRankTest.Compare(new double[60], differences);

        Assert.Equal(StatisticalTest.WilcoxonNormal, result.Test);
        Assert.Equal(5, result.ZeroDifferences);
        Assert.Equal(1231, result.PositiveRankSum);
        Assert.Equal(309, result.NegativeRankSum);
        Assert.Equal(0.00010781524996463304, result.PValue, 1e-12);
    }

    [Fact]
    public void Swapping_the_variants_flips_the_effect_and_keeps_the_p_value()
    {
        double[] a = [3.1, 2.4, 4.0, 3.3, 2.9, 3.8, 3.0];
        double[] b = [3.6, 2.9, 4.1, 3.9, 3.2, 3.7, 3.5];

        var forward = WilcoxonSignedRankTest.Compare(a, b);
        var backward = WilcoxonSignedRankTest.Compare(b, a);

        Assert.Equal(forward.PValue, backward.PValue, 12);
        Assert.Equal(-forward.RankBiserial, backward.RankBiserial, 12);
        Assert.True(forward.RankBiserial > 0);
    }

    [Fact]
    public void Identical_scores_give_p_one_and_no_effect()
    {
        double[] same = [1, 2, 3];
        var result = WilcoxonSignedRankTest.Compare(same, same);

        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.RankBiserial);
        Assert.Equal(3, result.ZeroDifferences);
    }

    [Fact]
    public void A_score_that_is_not_a_number_is_named_by_item()
    {
        var error = Assert.Throws<ArgumentException>(() => WilcoxonSignedRankTest.Compare([1, 2, 3], [1, double.NaN, 3]));
        Assert.Contains("Candidate value at item 1", error.Message, StringComparison.Ordinal);
    }
}
