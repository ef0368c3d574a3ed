using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Data;

namespace HybridAI.Classifiers.Tests.Tabular;

/// <summary>The scoring layout must give the reference walk's margins bit for bit, on trained and on hand-built trees.</summary>
public sealed class CompleteTreesTests
{
    [GermanCreditFact]
    public void Scoring_layout_gives_the_reference_margins_on_every_German_Credit_row()
    {
        var credit = GermanCredit.Load();
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 42 }).Train(credit);

        AssertSameMarginsOnEveryRow(model, credit);
    }

    [GermanCreditFact]
    public void Scoring_layout_gives_the_reference_margins_for_a_deeper_multiclass_model()
    {
        // "job" has four labels, so there is one tree per label and round, and depth 6 pads many shallow leaves.
        var credit = ArffReader.ReadFile(GermanCredit.Path, "job");
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 30, MaxDepth = 6, MinSamplesPerLeaf = 20 }).Train(credit);
        Assert.Equal(4, model.Labels.Count);

        AssertSameMarginsOnEveryRow(model, credit);
    }

    [Fact]
    public void Missing_and_extreme_values_take_the_same_branch_as_the_reference_walk()
    {
        var data = SyntheticLoans.Make(300, seed: 61);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 50, MaxDepth = 4 }).Train(data);
        var trees = Assert.IsType<TreeEnsemble>(model.Model);
        var matrix = model.Featurizer.Transform(data);
        var d = model.Featurizer.Dimension;
        double[] odd = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, double.Epsilon, -0d];
        var random = new Random(7);
        for (var i = 0; i < data.RowCount; i++)
        {
            var x = matrix.AsSpan(i * d, d).ToArray();
            for (var j = 0; j < d; j++)
            {
                if (random.Next(3) == 0)
                {
                    x[j] = odd[random.Next(odd.Length)];
                }
            }

            AssertSameMargins(trees, x);
        }
    }

    [Fact]
    public void A_value_that_rounds_to_the_threshold_in_float32_goes_left_and_a_shallow_leaf_is_reached_from_either_side()
    {
        // Tree 0 is a lone leaf; tree 1 splits on x0 at 0.1f, its left child a leaf, its right child a split on x1.
        var threshold = 0.1f;
        var trees = new TreeEnsemble(
            baseMargins: [0, 0.5],
            treeRoots: [0, 1],
            treeClass: [1, 1],
            feature: [-1, 0, -1, 1, -1, -1],
            threshold: [0, threshold, 0, 2f, 0, 0],
            left: [-1, 2, -1, 4, -1, -1],
            right: [-1, 3, -1, 5, -1, -1],
            value: [0.25, 0, 1, 0, 10, 100],
            dimension: 2);
        Assert.True(trees.HasScoringLayout);

        // Above 0.1f in double, equal once rounded to float: the reference walk sends it left.
        var justAbove = (double)threshold + 1e-12;
        Assert.Equal(threshold, (float)justAbove);
        var margins = AssertSameMargins(trees, [justAbove, 5]);
        Assert.Equal(0.5 + 0.25 + 1, margins[1]);

        Assert.Equal(0.5 + 0.25 + 10, AssertSameMargins(trees, [0.2, 2])[1]);
        Assert.Equal(0.5 + 0.25 + 100, AssertSameMargins(trees, [0.2, double.NaN])[1]);
        Assert.Equal(0.5 + 0.25 + 100, AssertSameMargins(trees, [double.NaN, 3])[1]);
    }

    [Fact]
    public void Trees_deeper_than_the_layout_allows_still_score_like_the_reference_walk()
    {
        // A chain: node n splits on x0 at n, its left child a leaf worth n, its right child the next split.
        var depth = CompleteTrees.MaxDepth + 2;
        var feature = new List<int>();
        var threshold = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var value = new List<double>();
        for (var n = 0; n < depth; n++)
        {
            var split = feature.Count;
            feature.AddRange([0, -1]);
            threshold.AddRange([n, 0]);
            left.AddRange([split + 1, -1]);
            right.AddRange([split + 2, -1]);
            value.AddRange([0, n]);
        }

        feature.Add(-1);
        threshold.Add(0);
        left.Add(-1);
        right.Add(-1);
        value.Add(1000);
        var trees = new TreeEnsemble([0, 0], [0], [1], [.. feature], [.. threshold], [.. left], [.. right], [.. value], 1);
        Assert.False(trees.HasScoringLayout);

        for (var x = -1.5; x < depth + 1; x += 0.5)
        {
            AssertSameMargins(trees, [x]);
        }

        Assert.Equal(1000, AssertSameMargins(trees, [double.NaN])[1]);
    }

    [Fact]
    public void A_split_on_a_feature_beyond_the_dimension_gets_no_layout_and_a_short_row_is_refused()
    {
        // The layout reads rows without bounds checks, so it must never be built over an index it cannot trust.
        var outside = new TreeEnsemble([0, 0], [0], [1], [3, -1, -1], [0.5f, 0, 0], [1, -1, -1], [2, -1, -1], [0, 1, 2], dimension: 2);
        Assert.False(outside.HasScoringLayout);

        var inside = new TreeEnsemble([0, 0], [0], [1], [1, -1, -1], [0.5f, 0, 0], [1, -1, -1], [2, -1, -1], [0, 1, 2], dimension: 2);
        Assert.True(inside.HasScoringLayout);
        var margins = new double[2];
        var error = Assert.Throws<ArgumentException>(() => inside.Margins(new float[1], margins));
        Assert.Contains("2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Float32_rows_give_the_reference_margins_for_tree_counts_that_are_not_a_multiple_of_four()
    {
        var data = SyntheticLoans.Make(400, seed: 62);
        foreach (var estimators in new[] { 1, 2, 3, 5, 7 })
        {
            var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = estimators, MaxDepth = 3 }).Train(data);
            var trees = Assert.IsType<TreeEnsemble>(model.Model);
            var matrix = model.Featurizer.Transform(data);
            var d = model.Featurizer.Dimension;
            var expected = new double[2];
            var actual = new double[2];
            for (var i = 0; i < data.RowCount; i++)
            {
                var row = matrix.AsSpan(i * d, d);
                trees.ReferenceMargins(row, expected);
                trees.Margins(row.ToArray().Select(v => (float)v).ToArray(), actual);
                Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [GermanCreditFact]
    public void A_three_label_model_whose_tree_count_leaves_a_partial_group_gives_the_reference_margins()
    {
        // "housing" has three labels: 2 and 3 rounds make 6 and 9 trees, so the last group of four is partly padding.
        var credit = ArffReader.ReadFile(GermanCredit.Path, "housing");
        foreach (var rounds in new[] { 2, 3 })
        {
            var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = rounds, MaxDepth = 3 }).Train(credit);
            Assert.Equal(3, model.Labels.Count);

            AssertSameMarginsOnEveryRow(model, credit);
        }
    }

    private static void AssertSameMarginsOnEveryRow(TabularClassifier model, TabularData data)
    {
        var trees = Assert.IsType<TreeEnsemble>(model.Model);
        Assert.True(trees.HasScoringLayout);
        var matrix = model.Featurizer.Transform(data);
        var d = model.Featurizer.Dimension;
        for (var i = 0; i < data.RowCount; i++)
        {
            AssertSameMargins(trees, matrix.AsSpan(i * d, d).ToArray());
        }
    }

    private static double[] AssertSameMargins(TreeEnsemble trees, double[] x)
    {
        var expected = new double[trees.ClassCount];
        var actual = new double[trees.ClassCount];
        trees.ReferenceMargins(x, expected);
        trees.Margins(x, actual);

        // Bit for bit: the ONNX export and every stored score were checked against the reference walk.
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        return actual;
    }
}
