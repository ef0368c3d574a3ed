using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Tests.Tabular;

public sealed class TabularFeaturizerTests
{
    private static readonly TabularData Training = new(
        [
            TabularColumn.Numeric("duration", [10, 20, double.NaN, 30]),
            TabularColumn.Numeric("age", [20, 40, 20, 40]),
            TabularColumn.Categorical("purpose", ["radio/tv", "car", null, "car"]),
            TabularColumn.Categorical("class", ["good", "bad", "good", "bad"]),
        ],
        labelColumn: "class");

    [Fact]
    public void Feature_names_are_stable_and_readable()
    {
        var featurizer = TabularFeaturizer.Fit(Training);

        Assert.Equal(["duration", "duration=?missing", "age", "purpose=car", "purpose=radio/tv", "purpose=?missing"], featurizer.FeatureNames);
        Assert.Equal(["duration", "age", "purpose"], featurizer.InputColumns);
    }

    [Fact]
    public void Numbers_are_standardised_with_training_statistics_and_missing_becomes_the_mean_plus_a_flag()
    {
        var featurizer = TabularFeaturizer.Fit(Training);
        var x = featurizer.Transform(Training);
        var d = featurizer.Dimension;

        // duration: mean 20, population std √(200/3).
        var std = Math.Sqrt(200d / 3);
        Assert.Equal(-10 / std, x[0], 12);
        Assert.Equal(0, x[(2 * d) + 0]);
        Assert.Equal(1, x[(2 * d) + 1]);
        Assert.Equal(0, x[1]);

        // age: mean 30, std 10.
        Assert.Equal(-1, x[2], 12);
        Assert.Equal(1, x[d + 2], 12);

        // purpose one-hot, missing flagged.
        Assert.Equal([0d, 1d, 0d], x[3..6]);
        Assert.Equal([0d, 0d, 1d], x[((2 * d) + 3)..((2 * d) + 6)]);
    }

    [Fact]
    public void Without_standardising_numbers_stay_raw_and_missing_still_becomes_the_mean()
    {
        var featurizer = TabularFeaturizer.Fit(Training, new TabularFeaturizerOptions { Standardize = false, MissingIndicators = false });
        var x = new double[featurizer.Dimension];

        featurizer.Transform(new TabularRow(new Dictionary<string, object?> { ["duration"] = null, ["age"] = 33, ["purpose"] = "car" }), x);

        Assert.Equal(["duration", "age", "purpose=car", "purpose=radio/tv", "purpose=?missing"], featurizer.FeatureNames);
        Assert.Equal([20d, 33d, 1d, 0d, 0d], x);
    }

    [Fact]
    public void An_unseen_category_or_an_absent_column_never_throws()
    {
        var featurizer = TabularFeaturizer.Fit(Training);
        var x = new double[featurizer.Dimension];

        featurizer.Transform(new TabularRow(new Dictionary<string, object?> { ["duration"] = 20, ["age"] = "30", ["purpose"] = "yacht" }), x);

        Assert.Equal(new double[featurizer.Dimension], x);
    }

    [Fact]
    public void Infinity_is_an_error_naming_the_column_and_row()
    {
        var data = new TabularData(
            [TabularColumn.Numeric("amount", [1, 2, double.PositiveInfinity]), TabularColumn.Categorical("y", ["a", "b", "a"])],
            "y");

        var error = Assert.Throws<TabularDataException>(() => TabularFeaturizer.Fit(data));

        Assert.Equal("amount", error.Column);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("infinite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_in_a_numeric_column_at_classification_time_is_an_error_without_the_value()
    {
        var featurizer = TabularFeaturizer.Fit(Training);
        var x = new double[featurizer.Dimension];

        var error = Assert.Throws<TabularDataException>(() => featurizer.Transform(new TabularRow(new Dictionary<string, object?> { ["age"] = "SECRET" }), x));

        Assert.Equal("age", error.Column);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }
}
