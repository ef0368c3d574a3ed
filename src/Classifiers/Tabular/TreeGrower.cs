namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// Grows one depth-limited regression tree on gradients and hessians with histogram split finding
/// (Newton leaf values −G / (H + λ), scaled by the learning rate). Appends nodes to shared flat lists
/// so the finished ensemble is a handful of arrays.
/// </summary>
internal sealed class TreeGrower
{
    private readonly FeatureBins _bins;
    private readonly GradientBoostingOptions _options;
    private readonly int _stride;
    private readonly double[] _histG;
    private readonly double[] _histH;
    private readonly int[] _histN;
    private readonly int[] _scratch;
    private int[] _features = [];

    public TreeGrower(FeatureBins bins, int dimension, GradientBoostingOptions options)
    {
        _bins = bins;
        _options = options;
        _stride = options.MaxBins + 1;
        _histG = new double[dimension * _stride];
        _histH = new double[dimension * _stride];
        _histN = new int[dimension * _stride];
        _scratch = new int[bins.Rows];
    }

    public List<int> Feature { get; } = [];

    public List<float> Threshold { get; } = [];

    public List<int> Left { get; } = [];

    public List<int> Right { get; } = [];

    public List<double> Value { get; } = [];

    /// <summary>Grows a tree over <paramref name="rows"/> (reordered in place) and returns its root's index.</summary>
    /// <param name="rows">The rows to grow on.</param>
    /// <param name="count">How many of <paramref name="rows"/> to use.</param>
    /// <param name="gradient">Per-row gradients.</param>
    /// <param name="hessian">Per-row hessians.</param>
    /// <param name="features">The columns this tree may split on, ascending.</param>
    public int Grow(int[] rows, int count, double[] gradient, double[] hessian, int[] features)
    {
        _features = features;
        return Grow(rows, 0, count, 0, gradient, hessian);
    }

    private int Grow(int[] rows, int start, int count, int depth, double[] g, double[] h)
    {
        double sumG = 0, sumH = 0;
        for (var r = start; r < start + count; r++)
        {
            sumG += g[rows[r]];
            sumH += h[rows[r]];
        }

        var node = Feature.Count;
        Feature.Add(-1);
        Threshold.Add(0);
        Left.Add(-1);
        Right.Add(-1);
        Value.Add(-sumG / (sumH + _options.L2) * _options.LearningRate);

        var minLeaf = _options.MinSamplesPerLeaf;
        if (depth >= _options.MaxDepth || count < 2 * minLeaf)
        {
            return node;
        }

        var (feature, bin) = BestSplit(rows, start, count, g, h, sumG, sumH);
        if (feature < 0)
        {
            return node;
        }

        var leftCount = Partition(rows, start, count, feature, bin);
        var left = Grow(rows, start, leftCount, depth + 1, g, h);
        var right = Grow(rows, start + leftCount, count - leftCount, depth + 1, g, h);
        Feature[node] = feature;
        Threshold[node] = _bins.Thresholds[feature][bin];
        Left[node] = left;
        Right[node] = right;
        return node;
    }

    private (int Feature, int Bin) BestSplit(int[] rows, int start, int count, double[] g, double[] h, double sumG, double sumH)
    {
        Array.Clear(_histG);
        Array.Clear(_histH);
        Array.Clear(_histN);
        var n = _bins.Rows;
        var bins = _bins.Bins;
        foreach (var f in _features)
        {
            if (_bins.Thresholds[f].Length == 0)
            {
                continue;
            }

            var column = f * n;
            var hist = f * _stride;
            for (var r = start; r < start + count; r++)
            {
                var row = rows[r];
                var b = hist + bins[column + row];
                _histG[b] += g[row];
                _histH[b] += h[row];
                _histN[b]++;
            }
        }

        var lambda = _options.L2;
        var parent = sumG * sumG / (sumH + lambda);
        var bestGain = 1e-12;
        var best = (-1, -1);
        foreach (var f in _features)
        {
            var cuts = _bins.Thresholds[f].Length;
            double gl = 0, hl = 0;
            var nl = 0;
            var hist = f * _stride;
            for (var b = 0; b < cuts; b++)
            {
                gl += _histG[hist + b];
                hl += _histH[hist + b];
                nl += _histN[hist + b];
                if (nl < _options.MinSamplesPerLeaf)
                {
                    continue;
                }

                if (count - nl < _options.MinSamplesPerLeaf)
                {
                    break;
                }

                var gr = sumG - gl;
                var hr = sumH - hl;
                var gain = (gl * gl / (hl + lambda)) + (gr * gr / (hr + lambda)) - parent;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = (f, b);
                }
            }
        }

        return best;
    }

    /// <summary>Stable partition: rows with bin &lt;= <paramref name="bin"/> first, order kept on both sides.</summary>
    private int Partition(int[] rows, int start, int count, int feature, int bin)
    {
        var column = feature * _bins.Rows;
        var bins = _bins.Bins;
        var left = 0;
        var right = 0;
        for (var r = start; r < start + count; r++)
        {
            var row = rows[r];
            if (bins[column + row] <= bin)
            {
                rows[start + left++] = row;
            }
            else
            {
                _scratch[right++] = row;
            }
        }

        Array.Copy(_scratch, 0, rows, start + left, right);
        return left;
    }
}
