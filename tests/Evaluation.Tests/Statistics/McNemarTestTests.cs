using HybridAI.Evaluation.Statistics;

namespace HybridAI.Evaluation.Tests.Statistics;

public sealed class McNemarTestTests
{
    [Fact]
    public void Published_table_gives_the_continuity_corrected_chi_square_p_value()
    {
        // The 2×2 table of Wikipedia's "McNemar's test" article (a=101, b=121, c=59, d=33).
        // Expected: (|121 − 59| − 1)² / 180 = 20.672; p = erfc(√(χ²/2)) computed with python3's math.erfc = 5.450094825427123e-06.
        var result = McNemarTest.FromCounts(items: 314, baselineOnly: 121, candidateOnly: 59);

        Assert.Equal(StatisticalTest.McNemarChiSquare, result.Test);
        Assert.Equal(5.450094825427123e-06, result.PValue, 1e-12);
        Assert.Equal((59 - 121) / 314d, result.DifferenceInProportions, 12);
        Assert.Equal(59 / 121d, result.DiscordantOddsRatio, 12);
    }

    [Theory]
    // Exact two-sided binomial p-values, computed with python3 fractions: 2·Σ_{j≤k} C(n,j)/2ⁿ.
    [InlineData(1, 9, 0.021484375)] // 11/512
    [InlineData(2, 10, 0.03857421875)]
    [InlineData(12, 12, 1.0)]
    [InlineData(0, 0, 1.0)]
    public void Few_discordant_pairs_use_the_exact_binomial(int baselineOnly, int candidateOnly, double expected)
    {
        var result = McNemarTest.FromCounts(items: 50, baselineOnly, candidateOnly);

        Assert.Equal(StatisticalTest.McNemarExact, result.Test);
        Assert.Equal(expected, result.PValue, 12);
    }

    [Fact]
    public void Twenty_five_discordant_pairs_switch_to_chi_square()
    {
        // 10 vs 20: χ² = 81/30, p = erfc(√(2.7/2)) = 0.10034824646229074 (python3 math.erfc).
        var result = McNemarTest.FromCounts(items: 100, baselineOnly: 10, candidateOnly: 20);

        Assert.Equal(StatisticalTest.McNemarChiSquare, result.Test);
        Assert.Equal(0.10034824646229074, result.PValue, 1e-12);
    }

    [Fact]
    public void Counts_the_discordant_pairs_of_per_item_outcomes()
    {
        bool[] baseline = [true, true, false, false, true, false, true];
        bool[] candidate = [true, false, true, true, true, true, true];

        var result = McNemarTest.Compare(baseline, candidate);

        Assert.Equal(1, result.BaselineOnly);
        Assert.Equal(3, result.CandidateOnly);
        Assert.Equal(7, result.Items);
        Assert.Equal(2 / 7d, result.DifferenceInProportions, 12);
        Assert.Equal(3, result.DiscordantOddsRatio);
        Assert.Equal(0.625, result.PValue, 12); // 2·(1 + 4)/16
    }

    [Fact]
    public void Discordant_odds_ratio_is_infinite_or_undefined_without_baseline_wins()
    {
        Assert.Equal(double.PositiveInfinity, McNemarTest.FromCounts(10, 0, 3).DiscordantOddsRatio);
        Assert.True(double.IsNaN(McNemarTest.FromCounts(10, 0, 0).DiscordantOddsRatio));
    }

    [Fact]
    public void Bad_input_names_what_is_wrong()
    {
        var lengths = Assert.Throws<ArgumentException>(() => McNemarTest.Compare([true, false], [true]));
        Assert.Contains("baseline has 2, candidate has 1", lengths.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => McNemarTest.Compare([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => McNemarTest.FromCounts(5, 4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => McNemarTest.FromCounts(5, -1, 3));
    }
}
