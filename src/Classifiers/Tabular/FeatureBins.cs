namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// Candidate split points per feature (float32, ascending, at quantiles of the training values)
/// and every training value's bin: bin b holds values with t[b−1] &lt; x &lt;= t[b], so "bin &lt;= b"
/// is exactly "(float)x &lt;= t[b]", the test the trees apply when scoring.
/// </summary>
internal sealed class FeatureBins
{
    private FeatureBins(float[][] thresholds, byte[] bins, int rows)
    {
        Thresholds = thresholds;
        Bins = bins;
        Rows = rows;
    }

    public float[][] Thresholds { get; }

    /// <summary>Bin of each value, feature-major: feature f's bins are [f·Rows, (f+1)·Rows).</summary>
    public byte[] Bins { get; }

    public int Rows { get; }

    public static FeatureBins Build(double[] matrix, int rows, int dimension, int maxBins)
    {
        var thresholds = new float[dimension][];
        var bins = new byte[rows * dimension];
        var column = new float[rows];
        for (var f = 0; f < dimension; f++)
        {
            for (var i = 0; i < rows; i++)
            {
                column[i] = (float)matrix[(i * dimension) + f];
            }

            var sorted = (float[])column.Clone();
            Array.Sort(sorted);
            var cuts = new List<float>();
            var distinct = CountDistinct(sorted);
            if (distinct <= maxBins)
            {
                for (var i = 0; i < sorted.Length - 1; i++)
                {
                    if (sorted[i] != sorted[i + 1])
                    {
                        cuts.Add(sorted[i]);
                    }
                }
            }
            else
            {
                for (var q = 1; q < maxBins; q++)
                {
                    var cut = sorted[(int)((long)q * rows / maxBins)];
                    if (cut < sorted[^1] && (cuts.Count == 0 || cut > cuts[^1]))
                    {
                        cuts.Add(cut);
                    }
                }
            }

            var t = thresholds[f] = [.. cuts];
            for (var i = 0; i < rows; i++)
            {
                bins[(f * rows) + i] = (byte)BinOf(t, column[i]);
            }
        }

        return new FeatureBins(thresholds, bins, rows);
    }

    /// <summary>The first cut at or above <paramref name="x"/>; past the last cut, t.Length.</summary>
    private static int BinOf(float[] t, float x)
    {
        int lo = 0, hi = t.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (x <= t[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static int CountDistinct(float[] sorted)
    {
        var count = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                count++;
            }
        }

        return count;
    }
}
