using HybridAI.Evaluation.Statistics;
using Xunit.Abstractions;

namespace HybridAI.Evaluation.Tests.Statistics;

/// <summary>
/// Seeded simulated A/B experiments: the verdicts' false-positive rate under no difference, and
/// the power to find a planted 5-point improvement on 300 items. Deterministic (fixed seeds).
/// </summary>
public sealed class PairedComparisonSimulationTests(ITestOutputHelper output)
{
    private const int Experiments = 400;
    private const int Items = 300;

    // The verdict follows the test, not the interval, so a short bootstrap keeps 400 experiments quick.
    private static readonly PairedComparisonOptions Options = new() { Resamples = 100 };

    /// <summary>Paired right/wrong outcomes drawn from the 2×2 cell shares (both right, baseline only, candidate only; the rest both wrong).</summary>
    private static (bool[] Baseline, bool[] Candidate) Accuracy(Random random, double bothRight, double baselineOnly, double candidateOnly)
    {
        var baseline = new bool[Items];
        var candidate = new bool[Items];
        for (var i = 0; i < Items; i++)
        {
            var u = random.NextDouble();
            baseline[i] = u < bothRight + baselineOnly;
            candidate[i] = u < bothRight || (u >= bothRight + baselineOnly && u < bothRight + baselineOnly + candidateOnly);
        }

        return (baseline, candidate);
    }

    /// <summary>0–100 quality scores: a shared item difficulty plus each variant's own noise, the candidate shifted by <paramref name="shift"/>.</summary>
    private static (double[] Baseline, double[] Candidate) Scores(Random random, double shift)
    {
        var baseline = new double[Items];
        var candidate = new double[Items];
        for (var i = 0; i < Items; i++)
        {
            var item = 40 + (40 * random.NextDouble());
            baseline[i] = Math.Round(item + Noise(random, 20), 1);
            candidate[i] = Math.Round(item + Noise(random, 20) + shift, 1);
        }

        return (baseline, candidate);
    }

    private static double Noise(Random random, double sd) =>
        sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>The share of <see cref="Experiments"/> seeded experiments whose verdict is one of <paramref name="counted"/>.</summary>
    private double Rate(string what, Func<Random, MetricVerdict> experiment, params Verdict[] counted)
    {
        var random = new Random(20_240_801);
        var hits = 0;
        for (var e = 0; e < Experiments; e++)
        {
            hits += Array.IndexOf(counted, experiment(random).Verdict) >= 0 ? 1 : 0;
        }

        var rate = hits / (double)Experiments;
        output.WriteLine($"{what}: {string.Join(" or ", counted)} in {hits} of {Experiments} experiments ({rate:P1})");
        return rate;
    }

    [Fact]
    public void Identical_accuracy_variants_rarely_differ()
    {
        // Both 70% accurate, disagreeing on 10% of items in both directions alike.
        var falsePositives = Rate("identical accuracy", r => { var (b, c) = Accuracy(r, 0.65, 0.05, 0.05); return PairedComparison.CompareAccuracy("accuracy", b, c, Options); }, Verdict.Better, Verdict.Worse);

        // Nominal 5% (measured 3.7%: the continuity correction is conservative); Binomial(400, 0.05) has sd 1.1%,
        // so 9% would be 3.7 sd too many. Below 1% would mean a test that hardly ever rejects.
        Assert.InRange(falsePositives, 0.01, 0.09);
    }

    [Fact]
    public void Identical_score_variants_rarely_differ()
    {
        var falsePositives = Rate("identical scores", r => { var (b, c) = Scores(r, 0); return PairedComparison.CompareScores("quality", b, c, Options); }, Verdict.Better, Verdict.Worse);

        // Nominal 5% (measured 5.5%); same binomial tolerance as for accuracy.
        Assert.InRange(falsePositives, 0.01, 0.09);
    }

    [Fact]
    public void A_planted_five_point_accuracy_gain_on_300_items_is_detected()
    {
        // Baseline 70%, candidate 75%: the candidate fixes 7% of items and breaks 2% (9% discordant).
        var rate = Rate("+5 points accuracy", r => { var (b, c) = Accuracy(r, 0.68, 0.02, 0.07); return PairedComparison.CompareAccuracy("accuracy", b, c, Options); }, Verdict.Better);

        // Expected power ≈ 0.77: under the planted gain c − b ~ N(15, √(300·(0.09 − 0.05²)) = 5.1) and the corrected test
        // rejects from |c − b| ≳ 1 + 1.96·√27 = 11.2, P ≈ Φ(0.75). Measured 76.2%; 400 experiments have sd 2.1%, so 0.70 is 3 sd below.
        Assert.True(rate > 0.70, $"power {rate:P1}");
    }

    [Fact]
    public void A_planted_five_point_score_gain_on_300_items_is_detected()
    {
        var rate = Rate("+5 points score", r => { var (b, c) = Scores(r, 5); return PairedComparison.CompareScores("quality", b, c, Options); }, Verdict.Better);

        // Differences have sd 20·√2 = 28.3, so d_z = 5/28.3 = 0.18 and the t-test's power at n = 300 is Φ(0.18·√300 − 1.96) ≈ 0.86;
        // Wilcoxon keeps ~95% of that efficiency under normal noise: ≈ 0.85. Measured 85.5%; sd 1.8%, so 0.78 is ~4 sd below.
        Assert.True(rate > 0.78, $"power {rate:P1}");
    }
}
