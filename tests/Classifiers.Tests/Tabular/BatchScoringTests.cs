using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Tests.Tabular;

/// <summary>Batch scoring featurizes a block of rows at a time; the blocks must not show in the results.</summary>
public sealed class BatchScoringTests
{
    [Fact]
    public void Batch_probabilities_across_many_blocks_equal_row_by_row_scoring()
    {
        var data = SyntheticLoans.Make(5000, seed: 71);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 20 }).Train(data);
        var matrix = model.Featurizer.Transform(data);
        var d = model.Featurizer.Dimension;

        var batch = model.PredictProbabilities(data);

        var expected = new double[2];
        for (var i = 0; i < data.RowCount; i++)
        {
            model.Probabilities(matrix.AsSpan(i * d, d), expected);
            Assert.Equal(expected, batch.AsSpan(i * 2, 2).ToArray());
        }
    }

    [Fact]
    public void An_infinite_value_in_a_later_block_is_reported_at_its_row_in_the_table()
    {
        var data = SyntheticLoans.Make(5000, seed: 72);
        var model = new TabularLogisticRegressionTrainer().Train(data);
        var column = data.FeatureColumns.First(c => c.Kind == TabularColumnKind.Numeric);
        var values = column.Numbers.ToArray();
        values[4321] = double.PositiveInfinity;
        var columns = data.Columns.Select(c => c.Name == column.Name ? TabularColumn.Numeric(c.Name, values) : c).ToArray();

        var error = Assert.Throws<TabularDataException>(() => model.PredictProbabilities(new TabularData(columns, data.LabelColumn)));

        Assert.Contains("row 4321", error.Message, StringComparison.Ordinal);
    }
}
