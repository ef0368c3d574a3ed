using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Tests.Tabular;

public sealed class TreeExplanationTests
{
    [Fact]
    public void Saabas_contributions_add_up_to_the_margin_the_trees_give()
    {
        var data = SyntheticLoans.Make(400, seed: 41);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 40, MaxDepth = 4 }).Train(data);
        var trees = Assert.IsType<TreeEnsemble>(model.Model);
        var matrix = model.Featurizer.Transform(data);
        var d = model.Featurizer.Dimension;
        var rootValues = trees.TreeRoots.Sum(r => trees.Value[r]);

        for (var i = 0; i < 50; i++)
        {
            var x = matrix.AsSpan(i * d, d);
            var margins = new double[2];
            var perFeature = new double[d];
            trees.Margins(x, margins);
            trees.Contributions(x, label: 1, perFeature);

            // Binary: only label 1 has trees, and centring over two labels halves each share.
            Assert.Equal(margins[1] - trees.BaseMargins[1], rootValues + (2 * perFeature.Sum()), 9);
        }
    }

    [Fact]
    public void Logistic_regression_contributions_are_weight_times_value()
    {
        var data = SyntheticLoans.Make(400, seed: 42);
        var model = new TabularLogisticRegressionTrainer().Train(data);
        var linear = Assert.IsType<LinearModel>(model.Model);
        var d = model.Featurizer.Dimension;
        var x = model.Featurizer.Transform(data).AsSpan(0, d);
        var perFeature = new double[d];

        linear.Contributions(x, label: 0, perFeature);

        for (var j = 0; j < d; j++)
        {
            var w = linear.Weights.Slice(j * 2, 2);
            Assert.Equal((w[0] - ((w[0] + w[1]) / 2)) * x[j], perFeature[j], 12);
        }
    }
}
