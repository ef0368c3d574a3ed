using System.Globalization;
using MathNet.Numerics.Distributions;

namespace HybridAI.Evaluation.Statistics;

/// <summary>
/// The smallest true difference a paired experiment of a given size would detect with the given
/// power at significance alpha (two-sided): (z₁₋α/₂ + z_power) · σ_d / √n, where σ_d is the
/// standard deviation of the per-item differences. For accuracies the differences are −1, 0 or +1,
/// so σ_d² ≈ the share of discordant items (McNemar's setting, near no difference). Small samples
/// only detect large effects, and <see cref="Describe"/> says so in a plain sentence.
/// </summary>
/// <example>
/// <code>
/// // 30 items, a quarter of them judged differently by the two variants:
/// var mde = MinimumDetectableEffect.ForPairedProportions(items: 30, discordantProportion: 0.25);
/// Console.WriteLine(MinimumDetectableEffect.Describe(30, mde, inPoints: true));
/// // With 30 items only differences of about 26 points or more can be detected (alpha 0.05, power 0.8): only large effects.
/// </code>
/// </example>
public static class MinimumDetectableEffect
{
    /// <summary>The usual planning power.</summary>
    public const double DefaultPower = 0.8;

    /// <summary>Minimum detectable difference of paired means, in the metric's units.</summary>
    /// <param name="items">How many paired items.</param>
    /// <param name="differenceStandardDeviation">Standard deviation of candidate[i] − baseline[i] (observed or planned).</param>
    /// <param name="alpha">Two-sided significance level.</param>
    /// <param name="power">Chance of detecting a true difference of the returned size.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or level is out of range.</exception>
    public static double ForPairedMeans(int items, double differenceStandardDeviation, double alpha = 0.05, double power = DefaultPower)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        if (!(differenceStandardDeviation >= 0) || double.IsInfinity(differenceStandardDeviation))
        {
            throw new ArgumentOutOfRangeException(nameof(differenceStandardDeviation), differenceStandardDeviation, "The standard deviation of the differences must be a finite number ≥ 0.");
        }

        return StandardizedEffect(items, alpha, power) * differenceStandardDeviation;
    }

    /// <summary>Minimum detectable difference of paired proportions (e.g. accuracy), as a proportion (0.05 = 5 points).</summary>
    /// <param name="items">How many paired items.</param>
    /// <param name="discordantProportion">Share of items the two variants judge differently (observed or planned), in [0, 1].</param>
    /// <param name="alpha">Two-sided significance level.</param>
    /// <param name="power">Chance of detecting a true difference of the returned size.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count, share or level is out of range.</exception>
    public static double ForPairedProportions(int items, double discordantProportion, double alpha = 0.05, double power = DefaultPower)
    {
        if (!(discordantProportion >= 0 && discordantProportion <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(discordantProportion), discordantProportion, "The discordant share must lie between 0 and 1.");
        }

        return ForPairedMeans(items, Math.Sqrt(discordantProportion), alpha, power);
    }

    /// <summary>
    /// The detectable effect in standard deviations of the differences (Cohen's d_z), (z₁₋α/₂ + z_power) / √n:
    /// 0.51 for 30 items, 0.16 for 300.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count or level is out of range.</exception>
    public static double StandardizedEffect(int items, double alpha = 0.05, double power = DefaultPower)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        PairedInput.RequireProbability(alpha, nameof(alpha), "Alpha");
        PairedInput.RequireProbability(power, nameof(power), "Power");
        return (Normal.InvCDF(0, 1, 1 - (alpha / 2)) + Normal.InvCDF(0, 1, power)) / Math.Sqrt(items);
    }

    /// <summary>
    /// Whether a sample this size only detects large effects: its detectable standardized effect is
    /// at least Cohen's "medium" 0.5 (at alpha 0.05 and power 0.8, 31 items or fewer).
    /// </summary>
    public static bool OnlyDetectsLargeEffects(int items, double alpha = 0.05, double power = DefaultPower) =>
        StandardizedEffect(items, alpha, power) >= 0.5;

    /// <summary>
    /// A plain sentence for a report, e.g. "With 30 items only differences of about 26 points or more
    /// can be detected (alpha 0.05, power 0.8): only large effects."
    /// </summary>
    /// <param name="items">How many paired items.</param>
    /// <param name="effect">The minimum detectable effect, as returned by this class.</param>
    /// <param name="inPoints">True for proportions (written as percentage points, ×100); false for the metric's own units.</param>
    /// <param name="alpha">The significance level it was computed at.</param>
    /// <param name="power">The power it was computed at.</param>
    public static string Describe(int items, double effect, bool inPoints, double alpha = 0.05, double power = DefaultPower)
    {
        var size = inPoints
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(effect * 100, effect * 100 < 10 ? 1 : 0)} points")
            : string.Create(CultureInfo.InvariantCulture, $"{effect:G3}");
        var sentence = string.Create(CultureInfo.InvariantCulture, $"With {items} items only differences of about {size} or more can be detected (alpha {alpha:G3}, power {power:G3})");
        return OnlyDetectsLargeEffects(items, alpha, power)
            ? sentence + ": only large effects; add items to detect smaller ones."
            : sentence + ".";
    }
}
