using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>
/// Flat trees (feature −1 at leaves, left/right child indexes) as the node and target attributes of an ai.onnx.ml
/// TreeEnsembleRegressor. ONNX numbers nodes per tree, so each tree's nodes are renumbered from 0 in visiting order:
/// a loaded model file need not keep a tree's nodes together.
/// </summary>
internal sealed class RegressorTrees(int[] feature, float[] threshold, int[] left, int[] right, string branchMode)
{
    private readonly List<long> _treeIds = [];
    private readonly List<long> _nodeIds = [];
    private readonly List<long> _featureIds = [];
    private readonly List<string> _modes = [];
    private readonly List<float> _thresholds = [];
    private readonly List<long> _trueIds = [];
    private readonly List<long> _falseIds = [];
    private readonly List<long> _targetTree = [];
    private readonly List<long> _targetNode = [];
    private readonly List<long> _targetIds = [];
    private readonly List<float> _targetWeights = [];
    private readonly Dictionary<int, long> _local = [];
    private readonly List<int> _order = [];
    private readonly Stack<int> _pending = new();

    /// <summary>Adds the tree rooted at <paramref name="root"/> as tree <paramref name="tree"/>; each leaf adds <paramref name="leafValue"/>(node) to output <paramref name="target"/>.</summary>
    public void Add(int tree, int root, long target, Func<int, float> leafValue)
    {
        _local.Clear();
        _order.Clear();
        _pending.Push(root);
        while (_pending.Count > 0)
        {
            var node = _pending.Pop();
            _local[node] = _order.Count;
            _order.Add(node);
            if (feature[node] >= 0)
            {
                _pending.Push(right[node]);
                _pending.Push(left[node]);
            }
        }

        foreach (var node in _order)
        {
            var leaf = feature[node] < 0;
            _treeIds.Add(tree);
            _nodeIds.Add(_local[node]);
            _featureIds.Add(leaf ? 0 : feature[node]);
            _modes.Add(leaf ? "LEAF" : branchMode);
            _thresholds.Add(leaf ? 0f : threshold[node]);
            _trueIds.Add(leaf ? 0 : _local[left[node]]);
            _falseIds.Add(leaf ? 0 : _local[right[node]]);
            if (leaf)
            {
                _targetTree.Add(tree);
                _targetNode.Add(_local[node]);
                _targetIds.Add(target);
                _targetWeights.Add(leafValue(node));
            }
        }
    }

    /// <summary>The regressor's attributes: <paramref name="targets"/> outputs, aggregated by <paramref name="aggregate"/>, plus optional base values.</summary>
    public AttributeProto[] Attributes(int targets, string aggregate, float[]? baseValues = null)
    {
        List<AttributeProto> attributes =
        [
            AttributeProto.FromInts("nodes_treeids", [.. _treeIds]),
            AttributeProto.FromInts("nodes_nodeids", [.. _nodeIds]),
            AttributeProto.FromInts("nodes_featureids", [.. _featureIds]),
            AttributeProto.FromStrings("nodes_modes", [.. _modes]),
            AttributeProto.FromFloats("nodes_values", [.. _thresholds]),
            AttributeProto.FromInts("nodes_truenodeids", [.. _trueIds]),
            AttributeProto.FromInts("nodes_falsenodeids", [.. _falseIds]),
            AttributeProto.FromInts("target_treeids", [.. _targetTree]),
            AttributeProto.FromInts("target_nodeids", [.. _targetNode]),
            AttributeProto.FromInts("target_ids", [.. _targetIds]),
            AttributeProto.FromFloats("target_weights", [.. _targetWeights]),
            AttributeProto.FromInt("n_targets", targets),
        ];
        if (baseValues is not null)
        {
            attributes.Add(AttributeProto.FromFloats("base_values", baseValues));
        }

        attributes.Add(AttributeProto.FromString("aggregate_function", aggregate));
        attributes.Add(AttributeProto.FromString("post_transform", "NONE"));
        return [.. attributes];
    }
}
