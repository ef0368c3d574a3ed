using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Data;

namespace HybridAI.Classifiers.Tests.Tabular;

/// <summary>
/// Batch scoring reads categorical columns through their codes and featurises trees' rows in float32; whichever
/// way a table holds its categories, it must score exactly as each row classified on its own from names.
/// </summary>
public sealed class CodedScoringTests
{
    [GermanCreditFact]
    public void German_Credit_batch_probabilities_equal_classifying_each_row_from_its_names()
    {
        var credit = GermanCredit.Load();
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 42 }).Train(credit);

        var batch = model.PredictProbabilities(credit);

        for (var i = 0; i < credit.RowCount; i++)
        {
            AssertBits([.. model.Classify(NamedRow(credit, i), 0).Probabilities], batch.AsSpan(i * 2, 2));
        }
    }

    [Fact]
    public void Names_codes_in_another_level_order_and_unseen_levels_all_score_as_row_by_row()
    {
        var training = SyntheticLoans.Make(2000, seed: 81);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 30 }).Train(training);

        // "boat" was never seen in training; null is missing (which training had).
        string?[] purposes = ["car", "boat", null, "vacation", "tv", "education", "boat", "car"];
        var income = new double[] { 3000, 4000, double.NaN, 7000, 2500, 6100, 3300, 5000 };
        var amount = new double[] { 9000, 1200, 15000, 700, 8800, 4000, 12000, 3000 };
        var fromNames = Table(income, amount, TabularColumn.Categorical("purpose", purposes));

        // The same values as codes into a level list in its own order, with a level no row uses.
        string[] levels = ["unused", "vacation", "boat", "tv", "education", "car"];
        var codes = purposes.Select(p => p is null ? -1 : Array.IndexOf(levels, p)).ToArray();
        var fromCodes = Table(income, amount, TabularColumn.Categorical("purpose", codes, levels));

        var expected = new double[purposes.Length * 2];
        for (var i = 0; i < purposes.Length; i++)
        {
            var row = new TabularRow(new Dictionary<string, object?> { ["income"] = income[i], ["amount"] = amount[i], ["purpose"] = purposes[i] });
            model.Classify(row, 0).Probabilities.ToArray().CopyTo(expected, i * 2);
        }

        AssertBits(expected, model.PredictProbabilities(fromNames));
        AssertBits(expected, model.PredictProbabilities(fromCodes));
    }

    [Fact]
    public void An_unseen_level_scores_as_an_all_zero_one_hot_block()
    {
        var training = SyntheticLoans.Make(2000, seed: 82);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 30 }).Train(training);
        var table = Table([4000], [6000], TabularColumn.Categorical("purpose", ["boat"]));

        var features = new double[model.Featurizer.Dimension];
        model.Featurizer.Transform(table.Row(0), features);
        var block = model.Featurizer.FeatureNames.Select((name, j) => (name, j)).Where(f => f.name.StartsWith("purpose=", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(block);
        Assert.All(block, f => Assert.Equal(0d, features[f.j]));

        var expected = new double[2];
        model.Probabilities(features, expected);
        AssertBits(expected, model.PredictProbabilities(table));
    }

    [Fact]
    public void A_multiclass_model_scores_a_batch_as_row_by_row()
    {
        var data = SyntheticLoans.Make(1500, seed: 83);
        var byPurpose = data.WithLabel("purpose");
        var present = Enumerable.Range(0, byPurpose.RowCount).Where(i => byPurpose["purpose"].Categories[i] is not null).ToArray();
        var table = byPurpose.Select(present);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 10, MaxDepth = 4 }).Train(table);
        Assert.Equal(4, model.Labels.Count);

        var batch = model.PredictProbabilities(table);

        for (var i = 0; i < table.RowCount; i++)
        {
            AssertBits([.. model.Classify(table.Row(i), 0).Probabilities], batch.AsSpan(i * 4, 4));
        }
    }

    [Fact]
    public void Scoring_into_a_buffer_gives_the_allocating_result_and_allocates_nothing_per_row()
    {
        var data = SyntheticLoans.Make(5000, seed: 84);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 20 }).Train(data);
        var buffer = new double[data.RowCount * 2];
        model.PredictProbabilities(data, buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        model.PredictProbabilities(data, buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertBits(model.PredictProbabilities(data), buffer);

        // Per call: the columns bound to the table (a few small arrays), nothing that grows with the 5,000 rows.
        Assert.InRange(allocated, 0, 1024);
    }

    [Fact]
    public void A_buffer_of_the_wrong_length_is_rejected_with_the_length_it_needs()
    {
        var data = SyntheticLoans.Make(100, seed: 85);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 5 }).Train(data);

        var error = Assert.Throws<ArgumentException>(() => model.PredictProbabilities(data, new double[199]));

        Assert.Equal("probabilities", error.ParamName);
        Assert.Contains("200", error.Message, StringComparison.Ordinal);
    }

    private static TabularData Table(double[] income, double[] amount, TabularColumn purpose) =>
        new([TabularColumn.Numeric("income", income), TabularColumn.Numeric("amount", amount), purpose]);

    /// <summary>Row <paramref name="i"/> as a caller would pass it: column name → number or category name.</summary>
    private static TabularRow NamedRow(TabularData data, int i) => new(data.FeatureColumns.ToDictionary(
        c => c.Name,
        c => c.Kind == TabularColumnKind.Numeric ? (object?)c.Numbers[i] : c.Categories[i]));

    private static void AssertBits(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual) =>
        Assert.Equal(expected.ToArray().Select(BitConverter.DoubleToInt64Bits), actual.ToArray().Select(BitConverter.DoubleToInt64Bits));
}
