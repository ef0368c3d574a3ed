using HybridAI.Evaluation.Statistics;

namespace HybridAI.Evaluation.Tests.Statistics;

public sealed class MinimumDetectableEffectTests
{
    // z₀.₉₇₅ + z₀.₈ = 2.801585218112968 (python3 statistics.NormalDist().inv_cdf).
    private const double Multiplier = 2.801585218112968;

    [Fact]
    public void Paired_means_scale_with_the_sd_of_differences_over_root_n()
    {
        Assert.Equal(Multiplier * 2 / Math.Sqrt(300), MinimumDetectableEffect.ForPairedMeans(300, 2), 9);
        Assert.Equal(0.5114971402445011, MinimumDetectableEffect.StandardizedEffect(30), 9);
    }

    [Fact]
    public void Thirty_items_with_a_quarter_discordant_detect_only_about_26_points()
    {
        var mde = MinimumDetectableEffect.ForPairedProportions(30, 0.25);

        Assert.Equal(0.25574857012225055, mde, 9);
        Assert.Equal(
            "With 30 items only differences of about 26 points or more can be detected (alpha 0.05, power 0.8): only large effects; add items to detect smaller ones.",
            MinimumDetectableEffect.Describe(30, mde, inPoints: true));
    }

    [Fact]
    public void Larger_samples_are_not_called_small()
    {
        Assert.True(MinimumDetectableEffect.OnlyDetectsLargeEffects(30));
        Assert.False(MinimumDetectableEffect.OnlyDetectsLargeEffects(300));
        var sentence = MinimumDetectableEffect.Describe(300, MinimumDetectableEffect.ForPairedProportions(300, 0.1), inPoints: true);
        Assert.Equal("With 300 items only differences of about 5.1 points or more can be detected (alpha 0.05, power 0.8).", sentence);
    }

    [Fact]
    public void Out_of_range_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimumDetectableEffect.ForPairedMeans(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimumDetectableEffect.ForPairedMeans(10, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimumDetectableEffect.ForPairedProportions(10, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimumDetectableEffect.ForPairedMeans(10, 1, alpha: 0));
    }
}
