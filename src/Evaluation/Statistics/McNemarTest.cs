using MathNet.Numerics.Distributions;

namespace HybridAI.Evaluation.Statistics;

/// <summary>
/// McNemar's test: do two variants judged on the same items differ in accuracy? Only the
/// discordant pairs (one right, the other wrong) carry information; under no difference each
/// discordant pair is a fair coin. Fewer than 25 discordant pairs use the exact binomial
/// two-sided p-value; from 25 on, the chi-square statistic (|b − c| − 1)² / (b + c) with one
/// degree of freedom (Edwards' continuity correction).
/// </summary>
/// <example>
/// <code>
/// bool[] baselineCorrect = [true, true, false, true, false, true];
/// bool[] candidateCorrect = [true, true, true, true, true, false];
/// var result = McNemarTest.Compare(baselineCorrect, candidateCorrect);
/// Console.WriteLine($"b={result.BaselineOnly} c={result.CandidateOnly} p={result.PValue:F3} ({result.Test})");
/// </code>
/// </example>
public static class McNemarTest
{
    /// <summary>Discordant pairs below this count are tested with the exact binomial distribution.</summary>
    public const int ExactBelow = 25;

    /// <summary>McNemar's test on per-item right/wrong outcomes of a baseline and a candidate.</summary>
    /// <exception cref="ArgumentException">Lengths differ or there are no items.</exception>
    public static McNemarResult Compare(IReadOnlyList<bool> baselineCorrect, IReadOnlyList<bool> candidateCorrect)
    {
        PairedInput.RequirePairs(baselineCorrect, candidateCorrect);
        int baselineOnly = 0, candidateOnly = 0;
        for (var i = 0; i < baselineCorrect.Count; i++)
        {
            if (baselineCorrect[i] != candidateCorrect[i])
            {
                if (baselineCorrect[i])
                {
                    baselineOnly++;
                }
                else
                {
                    candidateOnly++;
                }
            }
        }

        return FromCounts(baselineCorrect.Count, baselineOnly, candidateOnly);
    }

    /// <summary>McNemar's test from the counts of a paired 2×2 table.</summary>
    /// <param name="items">All paired items (concordant and discordant).</param>
    /// <param name="baselineOnly">Items only the baseline got right (b).</param>
    /// <param name="candidateOnly">Items only the candidate got right (c).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or b + c exceeds <paramref name="items"/>.</exception>
    public static McNemarResult FromCounts(int items, int baselineOnly, int candidateOnly)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baselineOnly);
        ArgumentOutOfRangeException.ThrowIfNegative(candidateOnly);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, Math.Max(1, baselineOnly + candidateOnly));

        var discordant = baselineOnly + candidateOnly;
        if (discordant < ExactBelow)
        {
            return new McNemarResult(items, baselineOnly, candidateOnly, ExactTwoSided(Math.Min(baselineOnly, candidateOnly), discordant), StatisticalTest.McNemarExact);
        }

        var excess = Math.Max(0, Math.Abs(baselineOnly - candidateOnly) - 1d);
        var chiSquare = excess * excess / discordant;

        // χ²(1) upper tail = 2·Φ(−√χ²), read from the normal's lower tail to keep precision for tiny p.
        var p = 2 * Normal.CDF(0, 1, -Math.Sqrt(chiSquare));
        return new McNemarResult(items, baselineOnly, candidateOnly, Math.Min(1, p), StatisticalTest.McNemarChiSquare);
    }

    /// <summary>2 · P(X ≤ k) for X ~ Binomial(n, ½), capped at 1 (the distribution is symmetric).</summary>
    private static double ExactTwoSided(int smaller, int discordant)
    {
        if (discordant == 0)
        {
            return 1;
        }

        // C(n, j) / 2ⁿ built up term by term; n < 25 keeps every term exact in a double.
        double term = Math.Pow(0.5, discordant), cumulative = 0;
        for (var j = 0; j <= smaller; j++)
        {
            cumulative += term;
            term = term * (discordant - j) / (j + 1);
        }

        return Math.Min(1, 2 * cumulative);
    }
}
