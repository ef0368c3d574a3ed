using System.Numerics.Tensors;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// Boosted trees in flat arrays, every tree's nodes side by side: an internal node sends a row left
/// when <c>(float)x[Feature] &lt;= Threshold</c> (float32, as ONNX tree ensembles compare); a leaf has
/// Feature = −1. Every node keeps its value (leaf: the output; internal: what the tree would say
/// stopping there), which is what Saabas-style explanations walk. Those arrays are what export, files
/// and explanations read; scoring goes through a <see cref="CompleteTrees"/> layout built from them once.
/// </summary>
internal sealed class TreeEnsemble : ITabularModel, IFloatFeatureModel
{
    public const string KindName = "gradient-boosting";

    /// <summary>Rows up to this many features are converted to float32 on the stack.</summary>
    private const int StackLimit = 512;

    private readonly CompleteTrees? _complete;

    public TreeEnsemble(double[] baseMargins, int[] treeRoots, int[] treeClass, int[] feature, float[] threshold, int[] left, int[] right, double[] value, int dimension)
    {
        BaseMargins = baseMargins;
        TreeRoots = treeRoots;
        TreeClass = treeClass;
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        Value = value;
        Dimension = dimension;
        _complete = CompleteTrees.TryBuild(this);
    }

    public string Kind => KindName;

    public int ClassCount => BaseMargins.Length;

    public int Dimension { get; }

    public double[] BaseMargins { get; }

    public int[] TreeRoots { get; }

    public int[] TreeClass { get; }

    public int[] Feature { get; }

    public float[] Threshold { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    public double[] Value { get; }

    /// <summary>Whether <see cref="Margins(ReadOnlySpan{double}, Span{double})"/> walks the complete-tree layout (false: trees too deep for it).</summary>
    public bool HasScoringLayout => _complete is not null;

    public void Margins(ReadOnlySpan<double> features, Span<double> margins)
    {
        if (_complete is null || features.Length > StackLimit)
        {
            ReferenceMargins(features, margins);
            return;
        }

        // Every split compares (float)x, so each feature is converted once rather than once per split.
        Span<float> x = stackalloc float[features.Length];
        TensorPrimitives.ConvertTruncating(features, x);
        BaseMargins.CopyTo(margins);
        _complete.Add(x, margins);
    }

    public void Margins(ReadOnlySpan<float> features, Span<double> margins)
    {
        BaseMargins.CopyTo(margins);
        if (_complete is not null)
        {
            _complete.Add(features, margins);
            return;
        }

        for (var t = 0; t < TreeRoots.Length; t++)
        {
            var node = TreeRoots[t];
            while (Feature[node] >= 0)
            {
                node = features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
            }

            margins[TreeClass[t]] += Value[node];
        }
    }

    /// <summary>The margins by walking the flat arrays node by node: what the scoring layout must reproduce exactly.</summary>
    public void ReferenceMargins(ReadOnlySpan<double> features, Span<double> margins)
    {
        BaseMargins.CopyTo(margins);
        var feature = Feature;
        var threshold = Threshold;
        for (var t = 0; t < TreeRoots.Length; t++)
        {
            margins[TreeClass[t]] += Value[Leaf(TreeRoots[t], features, feature, threshold)];
        }
    }

    public void Contributions(ReadOnlySpan<double> features, int label, Span<double> perFeature)
    {
        var centre = 1d / ClassCount;
        for (var t = 0; t < TreeRoots.Length; t++)
        {
            var share = (TreeClass[t] == label ? 1d : 0d) - centre;
            var node = TreeRoots[t];
            while (Feature[node] >= 0)
            {
                var next = (float)features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
                perFeature[Feature[node]] += share * (Value[next] - Value[node]);
                node = next;
            }
        }
    }

    /// <summary>The leaf a row reaches in the tree rooted at <paramref name="node"/>.</summary>
    public int Leaf(int node, ReadOnlySpan<double> features, int[] feature, float[] threshold)
    {
        while (feature[node] >= 0)
        {
            node = (float)features[feature[node]] <= threshold[node] ? Left[node] : Right[node];
        }

        return node;
    }
}
