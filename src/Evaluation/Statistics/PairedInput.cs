namespace HybridAI.Evaluation.Statistics;

/// <summary>Guard clauses shared by the paired tests: same length, at least one pair, finite numbers.</summary>
internal static class PairedInput
{
    public static void RequirePairs<T>(IReadOnlyList<T> baseline, IReadOnlyList<T> candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        if (baseline.Count != candidate.Count)
        {
            throw new ArgumentException(
                $"Paired outcomes need one candidate value per baseline value: baseline has {baseline.Count}, candidate has {candidate.Count}.",
                nameof(candidate));
        }

        if (baseline.Count == 0)
        {
            throw new ArgumentException("Paired outcomes need at least one item.", nameof(baseline));
        }
    }

    /// <summary>candidate[i] − baseline[i] for every item; rejects NaN and infinities by index.</summary>
    public static double[] Differences(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        RequirePairs(baseline, candidate);
        var differences = new double[baseline.Count];
        for (var i = 0; i < differences.Length; i++)
        {
            double b = baseline[i], c = candidate[i];
            if (!double.IsFinite(b))
            {
                throw new ArgumentException($"Baseline value at item {i} is {b}; paired statistics need finite numbers.", nameof(baseline));
            }

            if (!double.IsFinite(c))
            {
                throw new ArgumentException($"Candidate value at item {i} is {c}; paired statistics need finite numbers.", nameof(candidate));
            }

            differences[i] = c - b;
        }

        return differences;
    }

    public static void RequireProbability(double value, string name, string what)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{what} must lie strictly between 0 and 1.");
        }
    }
}
