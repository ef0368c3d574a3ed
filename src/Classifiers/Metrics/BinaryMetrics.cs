namespace HybridAI.Classifiers;

/// <summary>
/// Metrics of a score for two labels (e.g. the probability of "fraud"): ranking quality (ROC-AUC,
/// average precision) and calibration (expected calibration error).
/// </summary>
/// <example>
/// <code>
/// bool[] isBad = test.Labels().Select(l => l == "bad").ToArray();
/// double[] pBad = ...; // probability of "bad" per row
/// Console.WriteLine($"AUC {BinaryMetrics.RocAuc(isBad, pBad):F3}, ECE {BinaryMetrics.ExpectedCalibrationError(isBad, pBad):F3}");
/// </code>
/// </example>
public static class BinaryMetrics
{
    /// <summary>
    /// Area under the ROC curve: the chance that a random positive scores above a random negative,
    /// ties counting half (tied scores share their average rank).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or only one label occurs.</exception>
    public static double RocAuc(IReadOnlyList<bool> positives, IReadOnlyList<double> scores)
    {
        var order = SortedIndices(positives, scores, descending: false);
        var n = order.Length;
        double positiveRankSum = 0;
        long positiveCount = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var averageRank = ((start + end) / 2d) + 1;
            for (var r = start; r <= end; r++)
            {
                if (positives[order[r]])
                {
                    positiveRankSum += averageRank;
                    positiveCount++;
                }
            }

            start = end + 1;
        }

        var negativeCount = n - positiveCount;
        RequireBothLabels(positiveCount, negativeCount);
        return (positiveRankSum - (positiveCount * (positiveCount + 1) / 2d)) / (positiveCount * (double)negativeCount);
    }

    /// <summary>
    /// Average precision (area under the precision-recall curve as a step sum): Σ (Rₙ − Rₙ₋₁) · Pₙ over
    /// the distinct score thresholds from high to low; tied scores enter together.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or there is no positive.</exception>
    public static double AveragePrecision(IReadOnlyList<bool> positives, IReadOnlyList<double> scores)
    {
        var order = SortedIndices(positives, scores, descending: true);
        var totalPositives = positives.Count(p => p);
        if (totalPositives == 0)
        {
            throw new ArgumentException("Average precision needs at least one positive.", nameof(positives));
        }

        double truePositives = 0, seen = 0, previousRecall = 0, ap = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            for (var r = start; r <= end; r++)
            {
                truePositives += positives[order[r]] ? 1 : 0;
                seen++;
            }

            var recall = truePositives / totalPositives;
            ap += (recall - previousRecall) * (truePositives / seen);
            previousRecall = recall;
            start = end + 1;
        }

        return ap;
    }

    /// <summary>
    /// Expected calibration error over <paramref name="bins"/> equal-width probability bins:
    /// Σ (rows in bin / all rows) · |share of positives in bin − mean probability in bin|.
    /// A probability of exactly 1 falls in the last bin.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, no rows, or a probability outside [0, 1].</exception>
    public static double ExpectedCalibrationError(IReadOnlyList<bool> positives, IReadOnlyList<double> probabilities, int bins = 10)
    {
        CheckLengths(positives, probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var positive = new double[bins];
        var confidence = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException($"probabilities[{i}] is not in [0, 1].", nameof(probabilities));
            }

            var b = Math.Min((int)(p * bins), bins - 1);
            count[b]++;
            positive[b] += positives[i] ? 1 : 0;
            confidence[b] += p;
        }

        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += count[b] / (double)probabilities.Count * Math.Abs((positive[b] - confidence[b]) / count[b]);
            }
        }

        return ece;
    }

    private static int[] SortedIndices(IReadOnlyList<bool> positives, IReadOnlyList<double> scores, bool descending)
    {
        CheckLengths(positives, scores);
        var order = new int[scores.Count];
        var keys = new double[scores.Count];
        for (var i = 0; i < order.Length; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"scores[{i}] is NaN.", nameof(scores));
            }

            order[i] = i;
            keys[i] = descending ? -scores[i] : scores[i];
        }

        Array.Sort(keys, order);
        return order;
    }

    private static void CheckLengths<T>(IReadOnlyList<bool> positives, IReadOnlyList<T> scores)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(scores);
        if (positives.Count != scores.Count)
        {
            throw new ArgumentException($"positives has {positives.Count} items but the scores have {scores.Count}.", nameof(scores));
        }

        if (positives.Count == 0)
        {
            throw new ArgumentException("There are no items to score.", nameof(positives));
        }
    }

    private static void RequireBothLabels(long positiveCount, long negativeCount)
    {
        if (positiveCount == 0 || negativeCount == 0)
        {
            throw new ArgumentException($"ROC-AUC needs both labels but there are {positiveCount} positives and {negativeCount} negatives.");
        }
    }
}
