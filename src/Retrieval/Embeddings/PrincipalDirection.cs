namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// The first principal direction of a set of sentence vectors (uncentred, as in SIF): what nearly all sentences
/// share (frequent-word and syntax directions) rather than what they are about. Found by power iteration on the
/// d × d second-moment matrix, from a fixed start vector, so it comes out identical on every run.
/// </summary>
internal sealed class PrincipalDirection
{
    private const int Iterations = 300;
    private readonly int _dimensions;
    private readonly double[] _moment;
    private readonly double[] _sum;

    public PrincipalDirection(int dimensions)
    {
        _dimensions = dimensions;
        _moment = new double[dimensions * dimensions];
        _sum = new double[dimensions];
    }

    /// <summary>Adds <paramref name="weight"/> · x xᵀ to the second moment (and weight · x to the mean, used to orient the result).</summary>
    public void Add(ReadOnlySpan<float> x, double weight)
    {
        int d = _dimensions;
        for (int i = 0; i < d; i++)
        {
            double wi = weight * x[i];
            _sum[i] += wi;
            Span<double> row = _moment.AsSpan(i * d, d);
            for (int j = i; j < d; j++)
            {
                row[j] += wi * x[j];
            }
        }
    }

    /// <summary>Adds <paramref name="weight"/> · m mᵀ for the current mean m: the part of a sentence average that does not shrink with length.</summary>
    public void AddMeanOuterProduct(double weight)
    {
        int d = _dimensions;
        for (int i = 0; i < d; i++)
        {
            for (int j = i; j < d; j++)
            {
                _moment[(i * d) + j] += weight * _sum[i] * _sum[j];
            }
        }
    }

    public ReadOnlySpan<double> Mean => _sum;

    /// <summary>The unit principal direction, signed to point along the mean; zeros if nothing was added.</summary>
    public float[] Solve()
    {
        int d = _dimensions;
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < i; j++)
            {
                _moment[(i * d) + j] = _moment[(j * d) + i];
            }
        }

        var v = new double[d];
        var next = new double[d];
        Array.Fill(v, 1 / Math.Sqrt(d));
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            double norm = 0;
            for (int i = 0; i < d; i++)
            {
                double s = 0;
                ReadOnlySpan<double> row = _moment.AsSpan(i * d, d);
                for (int j = 0; j < d; j++)
                {
                    s += row[j] * v[j];
                }

                next[i] = s;
                norm += s * s;
            }

            norm = Math.Sqrt(norm);
            if (norm == 0 || !double.IsFinite(norm))
            {
                return new float[d];
            }

            for (int i = 0; i < d; i++)
            {
                v[i] = next[i] / norm;
            }
        }

        double alongMean = 0;
        for (int i = 0; i < d; i++)
        {
            alongMean += v[i] * _sum[i];
        }

        var result = new float[d];
        for (int i = 0; i < d; i++)
        {
            result[i] = (float)(alongMean < 0 ? -v[i] : v[i]);
        }

        return result;
    }
}
