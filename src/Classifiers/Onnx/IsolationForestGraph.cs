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
        // The trees send x left when (float)x < threshold: BRANCH_LT's true branch.
        var regressor = new RegressorTrees(forest.Feature, forest.Thresholds, forest.Left, forest.Right, "BRANCH_LT");
        for (var t = 0; t < forest.Roots.Length; t++)
        {
            regressor.Add(t, forest.Roots[t], target: 0, node => (float)forest.PathLength[node]);
        }

        var ln2OverC = Math.Log(2) / forest.Normalizer;
        builder
            .Node(
                "TreeEnsembleRegressor",
                [input],
                [OnnxExporter.Internal.PathLength],
                OnnxModelBuilder.MLDomain,
                attributes: regressor.Attributes(1, "AVERAGE"))

            // 2^(−E/c) = exp(−E · ln 2 / c); the [N, 1] column becomes one score per row.
            .Initializer(OnnxTensorData.FromValues<float>(OnnxExporter.Internal.ScoreExponent, [1], [(float)-ln2OverC]))
            .Initializer(OnnxTensorData.FromValues<long>(OnnxExporter.Internal.ScoreShape, [1], [-1]))
            .Node("Mul", [OnnxExporter.Internal.PathLength, OnnxExporter.Internal.ScoreExponent], [OnnxExporter.Internal.ScoreLogit])
            .Node("Exp", [OnnxExporter.Internal.ScoreLogit], [OnnxExporter.Internal.ScoreColumn])
            .Node("Reshape", [OnnxExporter.Internal.ScoreColumn, OnnxExporter.Internal.ScoreShape], [output]);
    }
}
