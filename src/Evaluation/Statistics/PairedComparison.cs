namespace HybridAI.Evaluation.Statistics;

/// <summary>
/// Compares a candidate with a baseline on the same items, one metric at a time, and gives a
/// <see cref="MetricVerdict"/>: right/wrong outcomes go through McNemar's test, scores through the
/// Wilcoxon signed-rank test; both get a paired bootstrap interval of the difference and the
/// minimum detectable effect at this sample size. The verdict follows the test's p-value (the
/// interval describes the size of the difference); its direction follows the tested effect.
/// Several metrics at once: <see cref="WithHolmCorrection"/>.
/// </summary>
/// <example>
/// <code>
/// var options = new PairedComparisonOptions { Alpha = 0.05, Seed = 7 };
/// var accuracy = PairedComparison.CompareAccuracy("accuracy", baselineCorrect, candidateCorrect, options);
/// var quality = PairedComparison.CompareScores("answer quality", baselineScores, candidateScores, options);
/// foreach (var verdict in PairedComparison.WithHolmCorrection([accuracy, quality]))
/// {
///     Console.WriteLine(verdict); // accuracy: 0.7 → 0.75, +0.05 [0.02, 0.08] (95%), p 0.002 (Holm) (McNemarChiSquare), ..., Better. With 300 items ...
/// }
/// </code>
/// </example>
public static class PairedComparison
{
    /// <summary>Compares per-item right/wrong outcomes (accuracy, pass rate) with McNemar's test.</summary>
    /// <param name="metric">The metric's name for the report.</param>
    /// <param name="baselineCorrect">Whether the baseline got each item right.</param>
    /// <param name="candidateCorrect">Whether the candidate got the same item right, in the same order.</param>
    /// <param name="options">Alpha, power, direction and bootstrap settings; defaults when null.</param>
    /// <exception cref="ArgumentException">The name is blank, lengths differ or there are no items.</exception>
    public static MetricVerdict CompareAccuracy(string metric, IReadOnlyList<bool> baselineCorrect, IReadOnlyList<bool> candidateCorrect, PairedComparisonOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        options ??= new PairedComparisonOptions();
        options.Validate();
        var test = McNemarTest.Compare(baselineCorrect, candidateCorrect);

        var n = baselineCorrect.Count;
        var differences = new double[n];
        int baselineRight = 0, candidateRight = 0;
        for (var i = 0; i < n; i++)
        {
            baselineRight += baselineCorrect[i] ? 1 : 0;
            candidateRight += candidateCorrect[i] ? 1 : 0;
            differences[i] = (candidateCorrect[i] ? 1 : 0) - (baselineCorrect[i] ? 1 : 0);
        }

        // With no discordant pair the observed share is 0 and would claim any difference detectable; assume one.
        var discordant = Math.Max(test.DiscordantProportion, 1d / n);
        var mde = MinimumDetectableEffect.ForPairedProportions(n, discordant, options.Alpha, options.Power);
        return Decide(new MetricVerdict
        {
            Metric = metric,
            HigherIsBetter = options.HigherIsBetter,
            Items = n,
            BaselineMean = baselineRight / (double)n,
            CandidateMean = candidateRight / (double)n,
            Difference = PairedBootstrap.MeanDifference(differences, options.Resamples, 1 - options.Alpha, options.Seed),
            PValue = test.PValue,
            AdjustedPValue = test.PValue,
            Test = test.Test,
            EffectSize = test.DifferenceInProportions,
            EffectSizeName = "difference in proportions",
            MinimumDetectableEffect = mde,
            MinimumDetectableEffectSentence = MinimumDetectableEffect.Describe(n, mde, inPoints: true, options.Alpha, options.Power),
            Alpha = options.Alpha,
            Verdict = Statistics.Verdict.NoSignificantDifference,
            McNemar = test,
        });
    }

    /// <summary>Compares per-item scores (quality ratings, similarity, latency) with the Wilcoxon signed-rank test.</summary>
    /// <param name="metric">The metric's name for the report.</param>
    /// <param name="baseline">The baseline's score per item.</param>
    /// <param name="candidate">The candidate's score on the same item, in the same order.</param>
    /// <param name="options">Alpha, power, direction and bootstrap settings; defaults when null.</param>
    /// <exception cref="ArgumentException">The name is blank, lengths differ, there are no items, or a score is not finite.</exception>
    public static MetricVerdict CompareScores(string metric, IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, PairedComparisonOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        options ??= new PairedComparisonOptions();
        options.Validate();
        var differences = PairedInput.Differences(baseline, candidate);
        var test = WilcoxonSignedRankTest.FromDifferences(differences);

        var n = differences.Length;
        double baselineSum = 0, candidateSum = 0, differenceSum = 0;
        for (var i = 0; i < n; i++)
        {
            baselineSum += baseline[i];
            candidateSum += candidate[i];
            differenceSum += differences[i];
        }

        var meanDifference = differenceSum / n;
        double squares = 0;
        for (var i = 0; i < n; i++)
        {
            var deviation = differences[i] - meanDifference;
            squares += deviation * deviation;
        }

        var sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
        var mde = MinimumDetectableEffect.ForPairedMeans(n, sd, options.Alpha, options.Power);
        return Decide(new MetricVerdict
        {
            Metric = metric,
            HigherIsBetter = options.HigherIsBetter,
            Items = n,
            BaselineMean = baselineSum / n,
            CandidateMean = candidateSum / n,
            Difference = PairedBootstrap.MeanDifference(differences, options.Resamples, 1 - options.Alpha, options.Seed),
            PValue = test.PValue,
            AdjustedPValue = test.PValue,
            Test = test.Test,
            EffectSize = test.RankBiserial,
            EffectSizeName = "rank-biserial r",
            MinimumDetectableEffect = mde,
            MinimumDetectableEffectSentence = MinimumDetectableEffect.Describe(n, mde, inPoints: false, options.Alpha, options.Power),
            Alpha = options.Alpha,
            Verdict = Statistics.Verdict.NoSignificantDifference,
            Wilcoxon = test,
        });
    }

    /// <summary>
    /// Holm's step-down correction across several metrics of one experiment, so that the chance of
    /// any false "Better"/"Worse" stays at alpha: the k-th smallest p-value of m is multiplied by
    /// m − k + 1 (kept monotone, capped at 1), and each verdict is redrawn from the adjusted value.
    /// Returned in the order given.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty, holds null, or the verdicts use different alphas.</exception>
    public static IReadOnlyList<MetricVerdict> WithHolmCorrection(IReadOnlyList<MetricVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (verdicts.Count == 0)
        {
            throw new ArgumentException("Holm's correction needs at least one metric.", nameof(verdicts));
        }

        var order = new int[verdicts.Count];
        var pValues = new double[verdicts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var verdict = verdicts[i] ?? throw new ArgumentException($"The verdict at position {i} is null.", nameof(verdicts));
            if (verdict.Alpha != verdicts[0].Alpha)
            {
                throw new ArgumentException($"Metric '{verdict.Metric}' uses alpha {verdict.Alpha}, '{verdicts[0]?.Metric}' uses {verdicts[0]?.Alpha}; Holm's correction needs one alpha.", nameof(verdicts));
            }

            order[i] = i;
            pValues[i] = verdict.PValue;
        }

        Array.Sort((double[])pValues.Clone(), order);
        var adjusted = new MetricVerdict[verdicts.Count];
        double running = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var original = verdicts[order[k]];
            running = Math.Max(running, Math.Min(1, (order.Length - k) * original.PValue));
            adjusted[order[k]] = Decide(original with { AdjustedPValue = running, HolmAdjusted = true });
        }

        return adjusted;
    }

    private static MetricVerdict Decide(MetricVerdict verdict)
    {
        if (!(verdict.AdjustedPValue < verdict.Alpha) || verdict.Direction == 0)
        {
            return verdict with { Verdict = Statistics.Verdict.NoSignificantDifference };
        }

        var candidateHigher = verdict.Direction > 0;
        return verdict with { Verdict = candidateHigher == verdict.HigherIsBetter ? Statistics.Verdict.Better : Statistics.Verdict.Worse };
    }
}
