using HybridAI.Evaluation.Statistics;

namespace HybridAI.Evaluation.Tests.Statistics;

public sealed class PairedBootstrapTests
{
    private static (double[] Baseline, double[] Candidate) Scores(int n, double shift, int seed)
    {
        var random = new Random(seed);
        var baseline = new double[n];
        var candidate = new double[n];
        for (var i = 0; i < n; i++)
        {
            var item = random.NextDouble() * 10;
            baseline[i] = item + random.NextDouble();
            candidate[i] = item + random.NextDouble() + shift;
        }

        return (baseline, candidate);
    }

    [Fact]
    public void Same_seed_gives_the_same_interval_and_another_seed_a_different_one()
    {
        var (baseline, candidate) = Scores(300, 0.1, seed: 1);

        var first = PairedBootstrap.MeanDifference(baseline, candidate, 2_000, 0.95, seed: 5);
        var again = PairedBootstrap.MeanDifference(baseline, candidate, 2_000, 0.95, seed: 5);
        var other = PairedBootstrap.MeanDifference(baseline, candidate, 2_000, 0.95, seed: 6);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Lower, other.Lower);
    }

    [Fact]
    public void Interval_is_centred_on_the_mean_difference_with_the_normal_width()
    {
        var (baseline, candidate) = Scores(300, 0.1, seed: 2);
        var ci = PairedBootstrap.MeanDifference(baseline, candidate, 10_000, 0.95, seed: 3);

        double mean = 0, squares = 0;
        for (var i = 0; i < 300; i++)
        {
            mean += (candidate[i] - baseline[i]) / 300;
        }

        for (var i = 0; i < 300; i++)
        {
            var deviation = candidate[i] - baseline[i] - mean;
            squares += deviation * deviation;
        }

        // For a mean of 300 the bootstrap distribution is close to normal: half-width ≈ 1.96·σ/√n (σ with divisor n).
        var halfWidth = 1.96 * Math.Sqrt(squares / 300) / Math.Sqrt(300);
        Assert.Equal(mean, ci.Estimate, 12);
        Assert.True(ci.Lower < mean && mean < ci.Upper);
        Assert.InRange((ci.Upper - ci.Lower) / 2, halfWidth * 0.9, halfWidth * 1.1);
        Assert.InRange((ci.Upper + ci.Lower) / 2, mean - (halfWidth * 0.1), mean + (halfWidth * 0.1));
    }

    [Fact]
    public void Coverage_of_the_95_percent_interval_is_near_95_percent()
    {
        // 200 seeded experiments whose true mean difference is 0.1: the interval should hold it in about 95% of them.
        var covered = 0;
        for (var experiment = 0; experiment < 200; experiment++)
        {
            var (baseline, candidate) = Scores(100, 0.1, seed: 1000 + experiment);
            covered += PairedBootstrap.MeanDifference(baseline, candidate, 1_000, 0.95, seed: experiment).Contains(0.1) ? 1 : 0;
        }

        // Binomial(200, 0.95) has sd 1.5%; percentile intervals on n = 100 run slightly narrow, hence the lower bound of 89%.
        Assert.InRange(covered / 200d, 0.89, 0.99);
    }

    [Fact]
    public void Right_wrong_outcomes_count_true_as_one()
    {
        bool[] baseline = [true, false, false, true];
        bool[] candidate = [true, true, true, true];

        var ci = PairedBootstrap.MeanDifference(baseline, candidate, 1_000, 0.9, seed: 1);

        Assert.Equal(0.5, ci.Estimate);
        Assert.InRange(ci.Lower, 0, 0.5);
        Assert.InRange(ci.Upper, 0.5, 1);
        Assert.Equal(0.9, ci.Level);
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.MeanDifference([1.0], [2.0], resamples: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedBootstrap.MeanDifference([1.0], [2.0], confidence: 1));
        var error = Assert.Throws<ArgumentException>(() => PairedBootstrap.MeanDifference([double.PositiveInfinity], [2.0]));
        Assert.Contains("Baseline value at item 0", error.Message, StringComparison.Ordinal);
    }
}
