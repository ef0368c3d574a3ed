namespace HybridAI.Classifiers.Anomaly;

/// <summary>
/// c(n): the average path length of an unsuccessful search in a binary search tree of n keys,
/// which is how deep a random split tree needs to go, on average, to isolate one of n points.
/// It normalises isolation depths and stands in for the subtree a depth-limited tree did not grow.
/// </summary>
public static class AveragePathLength
{
    private const double EulerGamma = 0.5772156649;

    /// <summary>c(n) = 2·H(n−1) − 2(n−1)/n with H(i) ≈ ln(i) + γ; c(2) = 1 exactly and c(n ≤ 1) = 0.</summary>
    /// <example><code>double c = AveragePathLength.Of(256); // ≈ 10.2448</code></example>
    public static double Of(int n)
    {
        if (n <= 1)
        {
            return 0;
        }

        if (n == 2)
        {
            // H(1) is exactly 1; the logarithmic approximation would be far off here.
            return 1;
        }

        return (2 * (Math.Log(n - 1) + EulerGamma)) - (2d * (n - 1) / n);
    }
}
