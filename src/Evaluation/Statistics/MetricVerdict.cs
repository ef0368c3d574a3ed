using System.Globalization;

namespace HybridAI.Evaluation.Statistics;

/// <summary>
/// One metric of an A/B comparison: the two means, the difference with its bootstrap interval,
/// the test and its p-value, the effect size, the minimum detectable effect at this sample size,
/// and the verdict. Produced by <see cref="PairedComparison"/>.
/// </summary>
public sealed record MetricVerdict
{
    /// <summary>The metric's name, as the report shows it.</summary>
    public required string Metric { get; init; }

    /// <summary>Whether higher values of the metric are better.</summary>
    public required bool HigherIsBetter { get; init; }

    /// <summary>How many paired items were compared.</summary>
    public required int Items { get; init; }

    /// <summary>The baseline's mean (accuracy for right/wrong outcomes).</summary>
    public required double BaselineMean { get; init; }

    /// <summary>The candidate's mean.</summary>
    public required double CandidateMean { get; init; }

    /// <summary>Candidate − baseline, with its paired percentile-bootstrap interval at level 1 − <see cref="Alpha"/>.</summary>
    public required ConfidenceInterval Difference { get; init; }

    /// <summary>The test's two-sided p-value.</summary>
    public required double PValue { get; init; }

    /// <summary>The p-value the verdict uses: <see cref="PValue"/>, or its Holm-adjusted value after <see cref="PairedComparison.WithHolmCorrection"/>.</summary>
    public required double AdjustedPValue { get; init; }

    /// <summary>Which test produced the p-value.</summary>
    public required StatisticalTest Test { get; init; }

    /// <summary>The effect size: the difference in proportions (McNemar) or the matched-pairs rank-biserial correlation (Wilcoxon).</summary>
    public required double EffectSize { get; init; }

    /// <summary>What <see cref="EffectSize"/> measures, in words.</summary>
    public required string EffectSizeName { get; init; }

    /// <summary>The smallest difference this sample detects with the chosen power, in the metric's units (a proportion for accuracies).</summary>
    public required double MinimumDetectableEffect { get; init; }

    /// <summary>The same as a plain sentence, saying so when only large effects can be detected.</summary>
    public required string MinimumDetectableEffectSentence { get; init; }

    /// <summary>The significance level of the verdict.</summary>
    public required double Alpha { get; init; }

    /// <summary>Better, worse, or no significant difference at <see cref="Alpha"/>.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Whether the p-value was adjusted for several metrics (Holm).</summary>
    public bool HolmAdjusted { get; init; }

    /// <summary>The McNemar details for right/wrong outcomes; null for scores.</summary>
    public McNemarResult? McNemar { get; init; }

    /// <summary>The Wilcoxon details for scores; null for right/wrong outcomes.</summary>
    public WilcoxonResult? Wilcoxon { get; init; }

    /// <summary>The direction of the tested effect: +1 when the candidate's values are higher, −1 lower, 0 neither.</summary>
    internal int Direction => Math.Sign(EffectSize);

    /// <summary>One line for a report, e.g. "accuracy: 0.700 → 0.750, +0.05 [0.02, 0.08] (95%), p 0.004 (McNemarChiSquare), Better".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Metric}: {BaselineMean:G4} → {CandidateMean:G4}, {Difference.Estimate:+0.####;-0.####;0} [{Difference.Lower:G3}, {Difference.Upper:G3}] ({Difference.Level * 100:G3}%), p {AdjustedPValue:G3}{(HolmAdjusted ? " (Holm)" : "")} ({Test}), {EffectSizeName} {EffectSize:G3}, {Verdict}. {MinimumDetectableEffectSentence}");
}
