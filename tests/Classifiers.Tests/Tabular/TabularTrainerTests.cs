using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Tests.Tabular;

public sealed class TabularTrainerTests
{
    private static readonly TabularData Train = SyntheticLoans.Make(1500, seed: 1);
    private static readonly TabularData Test = SyntheticLoans.Make(600, seed: 2);

    public static TheoryData<string> Trainers => ["lr", "gbdt"];

    private static ITabularTrainer Create(string name) => name == "lr"
        ? new TabularLogisticRegressionTrainer()
        : new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 3 });

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Learns_the_rule_behind_generated_loans(string name)
    {
        var model = Create(name).Train(Train);

        var auc = BinaryMetrics.RocAuc(SyntheticLoans.IsBad(Test), SyntheticLoans.ProbabilityOf(model, Test, "bad"));

        Assert.Equal(["bad", "good"], model.Labels);
        Assert.True(auc > 0.85, $"{name}: held-out ROC-AUC {auc:F3}");
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Explanations_name_the_features_that_drive_the_decision(string name)
    {
        var model = Create(name).Train(Train);
        var risky = new TabularRow(new Dictionary<string, object?> { ["income"] = 2100.0, ["amount"] = 15000, ["purpose"] = "vacation" });
        var safe = new TabularRow(new Dictionary<string, object?> { ["income"] = 7900.0, ["amount"] = 600, ["purpose"] = "car" });

        var riskyResult = model.Classify(risky);
        var safeResult = model.Classify(safe);

        Assert.Equal("bad", riskyResult.Label);
        Assert.Equal("good", safeResult.Label);
        Assert.Equal(1, riskyResult.Probabilities.Sum(), 12);
        Assert.Equal(riskyResult.Probabilities[0], riskyResult.Confidence);
        Assert.Contains(riskyResult.TopFeatures.Take(3), f => f.Feature is "amount" or "income");
        Assert.Contains(safeResult.TopFeatures.Take(3), f => f.Feature is "amount" or "income");
        Assert.All(riskyResult.TopFeatures, f => Assert.True(f.Weight > 0));
        Assert.True(riskyResult.TopFeatures.Zip(riskyResult.TopFeatures.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
        Assert.Empty(model.Classify(risky, topFeatures: 0).TopFeatures);
    }

    [Fact]
    public void Gradient_boosting_is_deterministic_for_a_seed_and_subsampling_depends_on_it()
    {
        GradientBoostingOptions Options(int seed) => new() { Seed = seed, Subsample = 0.7, Estimators = 30 };

        var a = new GradientBoostingTrainer(Options(5)).Train(Train).PredictProbabilities(Test);
        var b = new GradientBoostingTrainer(Options(5)).Train(Train).PredictProbabilities(Test);
        var c = new GradientBoostingTrainer(Options(6)).Train(Train).PredictProbabilities(Test);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Column_subsampling_is_deterministic_for_a_seed_and_each_tree_splits_on_its_own_columns()
    {
        GradientBoostingOptions Options(int seed) => new() { Seed = seed, FeatureSubsample = 0.3, Estimators = 40 };

        var a = new GradientBoostingTrainer(Options(5)).Train(Train);
        var b = new GradientBoostingTrainer(Options(5)).Train(Train).PredictProbabilities(Test);
        var c = new GradientBoostingTrainer(Options(6)).Train(Train).PredictProbabilities(Test);
        Assert.Equal(a.PredictProbabilities(Test), b);
        Assert.NotEqual(b, c);

        // Without column sampling every tree's root picks the same best column; with it the roots differ.
        var trees = (TreeEnsemble)a.Model;
        var roots = trees.TreeRoots.Select(r => trees.Feature[r]).Where(f => f >= 0).Distinct().Count();
        var plain = (TreeEnsemble)new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 40 }).Train(Train).Model;
        var plainRoots = plain.TreeRoots.Select(r => plain.Feature[r]).Where(f => f >= 0).Distinct().Count();
        Assert.True(roots > plainRoots, $"{roots} distinct root columns with sampling vs {plainRoots} without");
    }

    [Fact]
    public void Gradient_boosting_captures_an_interaction_a_linear_model_cannot()
    {
        // XOR of two signs: no single feature says anything; a depth-2 tree says everything.
        var random = new Random(9);
        var n = 800;
        var x1 = new double[n];
        var x2 = new double[n];
        var y = new string?[n];
        for (var i = 0; i < n; i++)
        {
            x1[i] = (random.NextDouble() * 2) - 1;
            x2[i] = (random.NextDouble() * 2) - 1;
            y[i] = (x1[i] > 0) ^ (x2[i] > 0) ? "yes" : "no";
        }

        var data = new TabularData([TabularColumn.Numeric("x1", x1), TabularColumn.Numeric("x2", x2), TabularColumn.Categorical("y", y)], "y");
        var positives = data.Labels().Select(l => l == "yes").ToArray();

        var trees = new GradientBoostingTrainer(new GradientBoostingOptions { MaxDepth = 2, Estimators = 50 }).Train(data);
        var linear = new TabularLogisticRegressionTrainer().Train(data);

        Assert.True(BinaryMetrics.RocAuc(positives, SyntheticLoans.ProbabilityOf(trees, data, "yes")) > 0.95);
        Assert.True(BinaryMetrics.RocAuc(positives, SyntheticLoans.ProbabilityOf(linear, data, "yes")) < 0.65);
    }

    [Fact]
    public void Tree_thresholds_compare_in_float32()
    {
        // 1 + 1e-12 and 1 are different doubles but the same float: the trees must send them the same way.
        var n = 200;
        var x = new double[n];
        var y = new string?[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = i < n / 2 ? 1 : 2;
            y[i] = i < n / 2 ? "a" : "b";
        }

        var data = new TabularData([TabularColumn.Numeric("x", x), TabularColumn.Categorical("y", y)], "y");
        var model = new GradientBoostingTrainer().Train(data);

        var exact = model.Classify(new TabularRow(new Dictionary<string, object?> { ["x"] = 1.0 }));
        var nudged = model.Classify(new TabularRow(new Dictionary<string, object?> { ["x"] = 1.0 + 1e-12 }));

        Assert.Equal("a", exact.Label);
        Assert.Equal(exact.Probabilities, nudged.Probabilities);
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Three_labels_train_a_multiclass_model(string name)
    {
        var random = new Random(4);
        var n = 600;
        var x = new double[n];
        var y = new string?[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() * 3;
            y[i] = x[i] < 1 ? "low" : x[i] < 2 ? "mid" : "high";
        }

        var data = new TabularData([TabularColumn.Numeric("score", x), TabularColumn.Categorical("band", y)], "band");
        var model = Create(name).Train(data);

        Assert.Equal(["high", "low", "mid"], model.Labels);
        Assert.Equal("low", model.Classify(new TabularRow(new Dictionary<string, object?> { ["score"] = 0.3 })).Label);
        Assert.Equal("mid", model.Classify(new TabularRow(new Dictionary<string, object?> { ["score"] = 1.5 })).Label);
        Assert.Equal("high", model.Classify(new TabularRow(new Dictionary<string, object?> { ["score"] = 2.7 })).Label);
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Balanced_class_weights_raise_the_rare_labels_probability(string name)
    {
        var plain = Create(name).Train(Train);
        var weighted = (name == "lr"
            ? (ITabularTrainer)new TabularLogisticRegressionTrainer(new LogisticRegressionOptions { L2 = 0.01, ClassWeights = new Dictionary<string, double> { ["bad"] = 4 } })
            : new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 3, ClassWeights = new Dictionary<string, double> { ["bad"] = 4 } })).Train(Train);

        Assert.True(SyntheticLoans.ProbabilityOf(weighted, Test, "bad").Average() > SyntheticLoans.ProbabilityOf(plain, Test, "bad").Average());
    }
}
