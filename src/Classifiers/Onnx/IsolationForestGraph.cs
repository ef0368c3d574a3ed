using HybridAI.Classifiers.Anomaly;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>
/// An <see cref="IsolationForest"/> as one ai.onnx.ml TreeEnsembleRegressor whose leaves hold their path length
/// (depth + c(rows left there)), averaged over the trees: E[h(x)], from which the score is 2^(−E[h(x)] / c(ψ)).
/// </summary>
internal static class IsolationForestGraph
{
    public static void Add(OnnxModelBuilder builder, IsolationForest forest, string input, string output)
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
        var targetWeights = new List<float>();
        var local = new Dictionary<int, long>();
        var order = new List<int>();
        var pending = new Stack<int>();
        for (var t = 0; t < forest.Roots.Length; t++)
        {
            // Number each tree's nodes from 0 in visiting order: ONNX ids are local to a tree, and a loaded file
            // need not keep a tree's nodes together.
            local.Clear();
            order.Clear();
            pending.Push(forest.Roots[t]);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                local[node] = order.Count;
                order.Add(node);
                if (forest.Feature[node] >= 0)
                {
                    pending.Push(forest.Right[node]);
                    pending.Push(forest.Left[node]);
                }
            }

            foreach (var node in order)
            {
                var leaf = forest.Feature[node] < 0;
                treeIds.Add(t);
                nodeIds.Add(local[node]);
                featureIds.Add(leaf ? 0 : forest.Feature[node]);

                // The trees send x left when (float)x < threshold: BRANCH_LT's true branch.
                modes.Add(leaf ? "LEAF" : "BRANCH_LT");
                thresholds.Add(leaf ? 0f : forest.Thresholds[node]);
                trueIds.Add(leaf ? 0 : local[forest.Left[node]]);
                falseIds.Add(leaf ? 0 : local[forest.Right[node]]);
                if (leaf)
                {
                    targetTree.Add(t);
                    targetNode.Add(local[node]);
                    targetWeights.Add((float)forest.PathLength[node]);
                }
            }
        }

        var ln2OverC = Math.Log(2) / forest.Normalizer;
        builder
            .Node(
                "TreeEnsembleRegressor",
                [input],
                [OnnxExporter.Internal.PathLength],
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
                    AttributeProto.FromInts("target_ids", new long[targetTree.Count]),
                    AttributeProto.FromFloats("target_weights", [.. targetWeights]),
                    AttributeProto.FromInt("n_targets", 1),
                    AttributeProto.FromString("aggregate_function", "AVERAGE"),
                    AttributeProto.FromString("post_transform", "NONE"),
                ])

            // 2^(−E/c) = exp(−E · ln 2 / c); the [N, 1] column becomes one score per row.
            .Initializer(OnnxTensorData.FromValues<float>(OnnxExporter.Internal.ScoreExponent, [1], [(float)-ln2OverC]))
            .Initializer(OnnxTensorData.FromValues<long>(OnnxExporter.Internal.ScoreShape, [1], [-1]))
            .Node("Mul", [OnnxExporter.Internal.PathLength, OnnxExporter.Internal.ScoreExponent], [OnnxExporter.Internal.ScoreLogit])
            .Node("Exp", [OnnxExporter.Internal.ScoreLogit], [OnnxExporter.Internal.ScoreColumn])
            .Node("Reshape", [OnnxExporter.Internal.ScoreColumn, OnnxExporter.Internal.ScoreShape], [output]);
    }
}
