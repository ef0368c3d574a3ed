using HybridAI.Classifiers.Anomaly;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tests.Anomaly;

public sealed class IsolationForestBadInputTests
{
    [Fact]
    public void An_empty_table_is_rejected()
    {
        var empty = new TabularData([TabularColumn.Numeric("x", [])]);
        var error = Assert.Throws<TabularDataException>(() => new IsolationForestTrainer().Train(empty));
        Assert.Contains("no rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_row_is_rejected()
    {
        var one = new TabularData([TabularColumn.Numeric("x", [1.0])]);
        var error = Assert.Throws<TabularDataException>(() => new IsolationForestTrainer().Train(one));
        Assert.Contains("two rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_value_names_its_column_and_row()
    {
        var amounts = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        amounts[3] = double.PositiveInfinity;
        var data = new TabularData([TabularColumn.Numeric("x", new double[20]), TabularColumn.Numeric("amount", amounts)]);

        var error = Assert.Throws<TabularDataException>(() => new IsolationForestTrainer().Train(data));
        Assert.Equal("amount", error.Column);
        Assert.Contains("row 3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_values_take_the_mean_and_still_score()
    {
        var planted = PlantedOutliers.Make(200, 4, seed: 31);
        var x = planted.Data["x"].Numbers.ToArray();
        x[5] = double.NaN;
        x[6] = double.NaN;
        var data = new TabularData([TabularColumn.Numeric("x", x), planted.Data["y"]]);

        var scores = new IsolationForestTrainer().Train(data).ScoreAll(data);
        Assert.All(scores, s => Assert.InRange(s, double.Epsilon, 1 - 1e-12));
    }

    [Fact]
    public void A_zero_variance_column_is_harmless()
    {
        var planted = PlantedOutliers.Make(500, 10, seed: 32, constantColumn: true);
        var forest = new IsolationForestTrainer().Train(planted.Data);

        Assert.True(BinaryMetrics.RocAuc(planted.IsOutlier, forest.ScoreAll(planted.Data)) >= 0.95);
    }

    [Fact]
    public void Identical_rows_make_leaves_and_score_the_same()
    {
        var data = new TabularData([TabularColumn.Numeric("x", Enumerable.Repeat(2.0, 30).ToArray())]);
        var scores = new IsolationForestTrainer().Train(data).ScoreAll(data);

        // Every tree is one leaf holding all 30 rows, so E[h] = c(30) and the score is exactly 1/2.
        Assert.All(scores, s => Assert.Equal(0.5, s, 12));
    }

    [Theory]
    [InlineData(0, 256, null, null)]
    [InlineData(10, 1, null, null)]
    [InlineData(10, 256, 0, null)]
    [InlineData(10, 256, null, 0.0)]
    [InlineData(10, 256, null, 0.6)]
    public void Options_out_of_range_are_rejected(int trees, int sampleSize, int? maxDepth, double? contamination) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsolationForestTrainer(new IsolationForestOptions
        {
            Trees = trees,
            SampleSize = sampleSize,
            MaxDepth = maxDepth,
            ContaminationForThreshold = contamination,
        }));
}
