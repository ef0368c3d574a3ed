namespace HybridAI.Classifiers.Anomaly;

/// <summary>
/// Grows isolation trees into flat node lists: each internal node splits one feature at a random
/// float32 threshold between the node's minimum and maximum (rows with x &lt; threshold go left);
/// each leaf stores depth + c(rows left there), the expected path length below it.
/// Nodes are written parent first, so every child index is larger than its parent's.
/// </summary>
internal sealed class IsolationTreeGrower
{
    private readonly float[] _x;
    private readonly int _dimension;
    private readonly int _maxDepth;
    private readonly Random _random;
    private readonly int[] _featureOrder;

    public IsolationTreeGrower(float[] x, int dimension, int maxDepth, Random random)
    {
        _x = x;
        _dimension = dimension;
        _maxDepth = maxDepth;
        _random = random;
        _featureOrder = new int[dimension];
        for (var j = 0; j < dimension; j++)
        {
            _featureOrder[j] = j;
        }
    }

    public List<int> Feature { get; } = [];

    public List<float> Threshold { get; } = [];

    public List<int> Left { get; } = [];

    public List<int> Right { get; } = [];

    public List<double> PathLength { get; } = [];

    /// <summary>Grows one tree over <paramref name="rows"/> (reordered in place) and returns its root.</summary>
    public int Grow(Span<int> rows) => Grow(rows, 0);

    private int Grow(Span<int> rows, int depth)
    {
        var node = Feature.Count;
        Feature.Add(-1);
        Threshold.Add(0f);
        Left.Add(-1);
        Right.Add(-1);
        PathLength.Add(depth + AveragePathLength.Of(rows.Length));
        if (depth >= _maxDepth || rows.Length <= 1 || !TryPickSplit(rows, out var feature, out var threshold))
        {
            return node;
        }

        var split = Partition(rows, feature, threshold);
        Feature[node] = feature;
        Threshold[node] = threshold;
        PathLength[node] = 0;
        Left[node] = Grow(rows[..split], depth + 1);
        Right[node] = Grow(rows[split..], depth + 1);
        return node;
    }

    /// <summary>
    /// Draws features in random order until one varies within the node (a constant one cannot
    /// split); when none does the rows are identical and the node stays a leaf.
    /// </summary>
    private bool TryPickSplit(ReadOnlySpan<int> rows, out int feature, out float threshold)
    {
        for (var k = 0; k < _dimension; k++)
        {
            var pick = k + _random.Next(_dimension - k);
            (_featureOrder[k], _featureOrder[pick]) = (_featureOrder[pick], _featureOrder[k]);
            feature = _featureOrder[k];
            var min = float.PositiveInfinity;
            var max = float.NegativeInfinity;
            foreach (var r in rows)
            {
                var v = _x[(r * _dimension) + feature];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            if (max > min)
            {
                // Keep min < threshold <= max so both sides get at least one row.
                threshold = (float)(min + (_random.NextDouble() * ((double)max - min)));
                if (threshold <= min)
                {
                    threshold = MathF.BitIncrement(min);
                }

                threshold = Math.Min(threshold, max);
                return true;
            }
        }

        feature = -1;
        threshold = 0;
        return false;
    }

    private int Partition(Span<int> rows, int feature, float threshold)
    {
        var split = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (_x[(rows[i] * _dimension) + feature] < threshold)
            {
                (rows[i], rows[split]) = (rows[split], rows[i]);
                split++;
            }
        }

        return split;
    }
}
