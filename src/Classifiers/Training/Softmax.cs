namespace HybridAI.Classifiers;

/// <summary>Numerically stable softmax helpers (subtract the max before exponentiating).</summary>
internal static class Softmax
{
    public static double LogSumExp(ReadOnlySpan<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            if (s > max)
            {
                max = s;
            }
        }

        double sum = 0;
        foreach (var s in scores)
        {
            sum += Math.Exp(s - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Turns scores into probabilities in place.</summary>
    public static void Normalize(Span<double> scores)
    {
        var logSum = LogSumExp(scores);
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - logSum);
        }
    }
}
