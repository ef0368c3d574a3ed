using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Tests.Tabular;

public sealed class BadTrainingDataTests
{
    public static TheoryData<string> Trainers => ["lr", "gbdt", "calibrated"];

    private static ITabularTrainer Create(string name) => name switch
    {
        "lr" => new TabularLogisticRegressionTrainer(),
        "gbdt" => new GradientBoostingTrainer(),
        _ => new CalibratedTrainer(new TabularLogisticRegressionTrainer(), CalibrationMethod.Isotonic, folds: 2),
    };

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Empty_training_data_is_a_clear_error(string name)
    {
        var empty = new TabularData([TabularColumn.Numeric("x", []), TabularColumn.Categorical("y", [])], "y");

        var error = Assert.Throws<TabularDataException>(() => Create(name).Train(empty));

        Assert.Contains("no rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void A_single_label_is_a_clear_error(string name)
    {
        var one = new TabularData([TabularColumn.Numeric("x", [1, 2, 3, 4]), TabularColumn.Categorical("y", ["ok", "ok", "ok", "ok"])], "y");

        var error = Assert.Throws<TabularDataException>(() => Create(name).Train(one));

        Assert.Equal("y", error.Column);
        Assert.Contains("two", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void A_missing_label_column_is_a_clear_error(string name)
    {
        var unlabelled = new TabularData([TabularColumn.Numeric("x", [1, 2, 3, 4])]);

        var error = Assert.Throws<TabularDataException>(() => Create(name).Train(unlabelled));

        Assert.Contains("no label column", error.Message, StringComparison.Ordinal);
        Assert.Throws<TabularDataException>(() => unlabelled.WithLabel("y"));
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Infinity_names_the_column_and_row_and_nan_is_just_missing(string name)
    {
        double[] withNan = [1, double.NaN, 3, 4, 5, 6, double.NaN, 8];
        string?[] labels = ["a", "b", "a", "b", "a", "b", "a", "b"];
        var fine = new TabularData([TabularColumn.Numeric("amount", withNan), TabularColumn.Categorical("y", labels)], "y");
        var infinite = new TabularData([TabularColumn.Numeric("amount", [1, 2, 3, 4, 5, double.NegativeInfinity, 7, 8]), TabularColumn.Categorical("y", labels)], "y");

        var model = Create(name).Train(fine);
        var error = Assert.Throws<TabularDataException>(() => Create(name).Train(infinite));

        Assert.Equal(2, model.Labels.Count);
        Assert.Equal("amount", error.Column);
        Assert.Contains("row 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_without_a_label_is_a_clear_error()
    {
        var data = new TabularData([TabularColumn.Numeric("x", [1, 2, 3]), TabularColumn.Categorical("y", ["a", null, "b"])], "y");

        var error = Assert.Throws<TabularDataException>(() => new GradientBoostingTrainer().Train(data));

        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_needs_two_labels_and_options_are_validated()
    {
        var three = new TabularData([TabularColumn.Numeric("x", [1, 2, 3, 4, 5, 6]), TabularColumn.Categorical("y", ["a", "b", "c", "a", "b", "c"])], "y");

        Assert.Throws<TabularDataException>(() => new CalibratedTrainer(new GradientBoostingTrainer(), folds: 2).Train(three));
        Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(new GradientBoostingOptions { MaxBins = 1 }));
        Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(new GradientBoostingOptions { Subsample = 0 }));
        Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(new GradientBoostingOptions { FeatureSubsample = 1.5 }));
        Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(new GradientBoostingOptions { LearningRate = double.NaN }));
        Assert.Throws<ArgumentException>(() => new TabularLogisticRegressionTrainer(new LogisticRegressionOptions { L2 = -1 }));
    }
}
