using HybridAI.Classifiers.Tabular;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>
/// Boosted trees as one ai.onnx.ml TreeEnsembleRegressor with a target per label: its SUM aggregate plus the base
/// margins gives exactly the raw scores <see cref="TreeEnsemble.Margins(ReadOnlySpan{double}, Span{double})"/> computes, so Softmax on top matches.
/// </summary>
internal static class TreeEnsembleGraph
{
    public static void Add(OnnxModelBuilder builder, TreeEnsemble trees, string input, string output)
    {
        // The trees send x left when (float)x <= threshold: BRANCH_LEQ's true branch.
        var regressor = new RegressorTrees(trees.Feature, trees.Threshold, trees.Left, trees.Right, "BRANCH_LEQ");
        for (var t = 0; t < trees.TreeRoots.Length; t++)
        {
            regressor.Add(t, trees.TreeRoots[t], trees.TreeClass[t], node => (float)trees.Value[node]);
        }

        var baseValues = Array.ConvertAll(trees.BaseMargins, v => (float)v);
        builder.Node("TreeEnsembleRegressor", [input], [output], OnnxModelBuilder.MLDomain,
            attributes: regressor.Attributes(trees.ClassCount, "SUM", baseValues));
    }
}
