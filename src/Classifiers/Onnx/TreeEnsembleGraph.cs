using HybridAI.Classifiers.Tabular;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>
/// Boosted trees as one ai.onnx.ml TreeEnsembleRegressor with a target per label: its SUM aggregate plus the base
/// margins gives exactly the raw scores <see cref="TreeEnsemble.Margins"/> computes, so Softmax on top matches.
/// </summary>
internal static class TreeEnsembleGraph
{
    public static void Add(OnnxModelBuilder builder, TreeEnsemble trees, string input, string output)
    {
        var treeIds = new List<long>();
        var nodeIds = new List<long>();
        var featureIds = new List<long>();
        var modes = new List<string>();
        var thresholds = new List<float>();
        var trueIds = new List<long>();
        var falseIds = new List<long>();
        var targetTree = new List<long>();
        var targetNode = new List<long>();
        var targetIds = new List<long>();
        var targetWeights = new List<float>();

        var local = new Dictionary<int, long>();
        var order = new List<int>();
        var pending = new Stack<int>();
        for (var t = 0; t < trees.TreeRoots.Length; t++)
        {
            // Number each tree's nodes from 0 in visiting order; ONNX ids are local to a tree.
            local.Clear();
            order.Clear();
            pending.Push(trees.TreeRoots[t]);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                local[node] = order.Count;
                order.Add(node);
                if (trees.Feature[node] >= 0)
                {
                    pending.Push(trees.Right[node]);
                    pending.Push(trees.Left[node]);
                }
            }

            foreach (var node in order)
            {
                treeIds.Add(t);
                nodeIds.Add(local[node]);
                var leaf = trees.Feature[node] < 0;
                featureIds.Add(leaf ? 0 : trees.Feature[node]);
                modes.Add(leaf ? "LEAF" : "BRANCH_LEQ");
                thresholds.Add(leaf ? 0f : trees.Threshold[node]);
                trueIds.Add(leaf ? 0 : local[trees.Left[node]]);
                falseIds.Add(leaf ? 0 : local[trees.Right[node]]);
                if (leaf)
                {
                    targetTree.Add(t);
                    targetNode.Add(local[node]);
                    targetIds.Add(trees.TreeClass[t]);
                    targetWeights.Add((float)trees.Value[node]);
                }
            }
        }

        var baseValues = Array.ConvertAll(trees.BaseMargins, v => (float)v);
        builder.Node(
            "TreeEnsembleRegressor",
            [input],
            [output],
            OnnxModelBuilder.MLDomain,
            attributes:
            [
                AttributeProto.FromInts("nodes_treeids", [.. treeIds]),
                AttributeProto.FromInts("nodes_nodeids", [.. nodeIds]),
                AttributeProto.FromInts("nodes_featureids", [.. featureIds]),
                AttributeProto.FromStrings("nodes_modes", [.. modes]),
                AttributeProto.FromFloats("nodes_values", [.. thresholds]),
                AttributeProto.FromInts("nodes_truenodeids", [.. trueIds]),
                AttributeProto.FromInts("nodes_falsenodeids", [.. falseIds]),
                AttributeProto.FromInts("target_treeids", [.. targetTree]),
                AttributeProto.FromInts("target_nodeids", [.. targetNode]),
                AttributeProto.FromInts("target_ids", [.. targetIds]),
                AttributeProto.FromFloats("target_weights", [.. targetWeights]),
                AttributeProto.FromInt("n_targets", trees.ClassCount),
                AttributeProto.FromFloats("base_values", baseValues),
                AttributeProto.FromString("aggregate_function", "SUM"),
                AttributeProto.FromString("post_transform", "NONE"),
            ]);
    }
}
