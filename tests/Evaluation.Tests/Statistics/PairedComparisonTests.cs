using HybridAI.Evaluation.Statistics;

namespace HybridAI.Evaluation.Tests.Statistics;

public sealed class PairedComparisonTests
{
    private static (bool[] Baseline, bool[] Candidate) Table(int bothRight, int baselineOnly, int candidateOnly, int bothWrong)
    {
        var baseline = new List<bool>();
        var candidate = new List<bool>();
        void Add(int count, bool b, bool c)
        {
            for (var i = 0; i < count; i++)
            {
                baseline.Add(b);
                candidate.Add(c);
            }
        }

        Add(bothRight, true, true);
        Add(baselineOnly, true, false);
        Add(candidateOnly, false, true);
        Add(bothWrong, false, false);
        return (baseline.ToArray(), candidate.ToArray());
    }

    [Fact]
    public void A_clear_accuracy_gain_is_better_with_its_numbers()
    {
        var (baseline, candidate) = Table(180, 10, 40, 70);

        var verdict = PairedComparison.CompareAccuracy("accuracy", baseline, candidate, new PairedComparisonOptions { Seed = 1 });

        Assert.Equal(Verdict.Better, verdict.Verdict);
        Assert.Equal(300, verdict.Items);
        Assert.Equal(190 / 300d, verdict.BaselineMean, 12);
        Assert.Equal(220 / 300d, verdict.CandidateMean, 12);
        Assert.Equal(0.1, verdict.Difference.Estimate, 12);
        Assert.True(verdict.Difference.Lower > 0);
        Assert.Equal(StatisticalTest.McNemarChiSquare, verdict.Test);
        Assert.Equal(0.1, verdict.EffectSize, 12);
        Assert.Equal(4, verdict.McNemar!.DiscordantOddsRatio);
        Assert.Equal(0.95, verdict.Difference.Level, 12);
        Assert.Equal(MinimumDetectableEffect.ForPairedProportions(300, 50 / 300d), verdict.MinimumDetectableEffect, 12);
        Assert.Contains("With 300 items", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Where_lower_is_better_a_rise_is_worse()
    {
        double[] baseline = [120, 130, 110, 140, 125, 135, 128, 118, 122, 131];
        double[] candidate = [150, 160, 140, 171, 150, 162, 158, 149, 155, 160];

        var verdict = PairedComparison.CompareScores("latency ms", baseline, candidate, new PairedComparisonOptions { HigherIsBetter = false });

        Assert.Equal(Verdict.Worse, verdict.Verdict);
        Assert.Equal(StatisticalTest.WilcoxonExact, verdict.Test);
        Assert.Equal(1, verdict.EffectSize); // every candidate latency is higher
        Assert.Equal(2 / 1024d, verdict.PValue, 12);
    }

    [Fact]
    public void Thirty_items_report_that_only_large_effects_are_detectable()
    {
        var (baseline, candidate) = Table(18, 3, 5, 4);

        var verdict = PairedComparison.CompareAccuracy("accuracy", baseline, candidate);

        Assert.Equal(Verdict.NoSignificantDifference, verdict.Verdict);
        Assert.Equal(StatisticalTest.McNemarExact, verdict.Test);
        Assert.True(verdict.MinimumDetectableEffect > 0.25);
        Assert.Contains("With 30 items only differences of about", verdict.MinimumDetectableEffectSentence, StringComparison.Ordinal);
        Assert.Contains("only large effects", verdict.MinimumDetectableEffectSentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Holm_multiplies_the_smallest_p_by_the_number_of_metrics_and_can_overturn_a_verdict()
    {
        // accuracy p ≈ 0.0202 alone (Better at 0.05); with a second metric Holm doubles it to ≈ 0.0404, still Better;
        // with three unrelated metrics it is tripled past 0.05 and becomes NoSignificantDifference.
        var (baseline, candidate) = Table(150, 10, 24, 116);
        var accuracy = PairedComparison.CompareAccuracy("accuracy", baseline, candidate);
        double[] same = [1, 2, 3, 4, 5];
        double[] shifted = [1.5, 1.5, 3.5, 4, 4.5];
        var flat = PairedComparison.CompareScores("tone", same, shifted);
        var flat2 = PairedComparison.CompareScores("length", shifted, same);

        Assert.Equal(Verdict.Better, accuracy.Verdict);
        var two = PairedComparison.WithHolmCorrection([flat, accuracy]);
        var three = PairedComparison.WithHolmCorrection([accuracy, flat, flat2]);

        Assert.Equal("accuracy", two[1].Metric);
        Assert.Equal(Math.Min(1, 2 * accuracy.PValue), two[1].AdjustedPValue, 12);
        Assert.True(two[1].HolmAdjusted);
        Assert.Equal(3 * accuracy.PValue, three[0].AdjustedPValue, 12);
        Assert.Equal(Verdict.NoSignificantDifference, three[0].Verdict);
        Assert.True(three[1].AdjustedPValue >= three[0].AdjustedPValue);
        Assert.Equal(accuracy.PValue, three[0].PValue);
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        Assert.Throws<ArgumentException>(() => PairedComparison.CompareAccuracy(" ", [true], [true]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedComparison.CompareScores("x", [1.0], [1.0], new PairedComparisonOptions { Alpha = 1.5 }));
        Assert.Throws<ArgumentException>(() => PairedComparison.WithHolmCorrection([]));
        var a = PairedComparison.CompareScores("a", [1.0, 2], [2.0, 3]);
        var b = PairedComparison.CompareScores("b", [1.0, 2], [2.0, 3], new PairedComparisonOptions { Alpha = 0.01 });
        var mixed = Assert.Throws<ArgumentException>(() => PairedComparison.WithHolmCorrection([a, b]));
        Assert.Contains("one alpha", mixed.Message, StringComparison.Ordinal);
    }
}
