using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Tabular;

namespace HybridAI.Classifiers.Tests.Onnx;

public sealed class OnnxClassifierTableTests
{
    [OnnxRuntimeFact]
    public void An_end_to_end_tabular_graph_reads_table_columns_by_name()
    {
        var training = SyntheticLoans.Make(400, seed: 21);
        var model = new GradientBoostingTrainer().Train(training);
        using var onnx = OnnxClassifier.FromBytes(OnnxExporter.ExportEndToEnd(model));
        Assert.Equal(model.Featurizer.InputColumns.Count, onnx.Inputs.Count);

        // Columns in another order, the label among them: matched by name, the label ignored.
        var rows = SyntheticLoans.Make(100, seed: 22);
        var shuffled = new TabularData([.. rows.Columns.Reverse()], rows.LabelColumn);
        var answers = onnx.Classify(shuffled);
        var ours = model.PredictProbabilities(rows);
        var k = model.Labels.Count;
        for (var r = 0; r < rows.RowCount; r++)
        {
            for (var c = 0; c < k; c++)
            {
                Assert.Equal(ours[(r * k) + c], answers[r].Probabilities[c], 1e-5);
            }
        }
    }

    [OnnxRuntimeFact]
    public void A_missing_column_or_a_feature_vector_graph_is_a_clear_error()
    {
        var training = SyntheticLoans.Make(200, seed: 23);
        var model = new TabularLogisticRegressionTrainer().Train(training);
        using var endToEnd = OnnxClassifier.FromBytes(OnnxExporter.ExportEndToEnd(model));
        var column = model.Featurizer.InputColumns[0];
        var without = new TabularData([.. training.Columns.Where(c => c.Name != column)], training.LabelColumn);
        var missing = Assert.Throws<ArgumentException>(() => endToEnd.Classify(without));
        Assert.Contains($"no column '{column}'", missing.Message, StringComparison.Ordinal);

        // With several inputs there is no single feature vector to pass.
        Assert.Throws<InvalidOperationException>(() => endToEnd.Classify(new float[model.Featurizer.Dimension]));

        using var vector = OnnxClassifier.FromBytes(OnnxExporter.Export(model));
        var refused = Assert.Throws<InvalidOperationException>(() => vector.Classify(training));
        Assert.Contains("That is a featurized vector", refused.Message, StringComparison.Ordinal);
    }
}
