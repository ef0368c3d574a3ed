using HybridAI.Abstractions.Classification;
using HybridAI.Evaluation.Evaluators;
using HybridAI.Evaluation.Golden;
using HybridAI.Evaluation.Tests.Golden;

namespace HybridAI.Evaluation.Tests.Evaluators;

public sealed class ClassificationSetEvaluatorTests
{
    private static readonly string[] Labels = ["legit", "fraud"];

    [Fact]
    public void Reports_accuracy_macro_f1_per_class_auc_and_calibration()
    {
        // expected, predicted, p(fraud)
        var rows = new (string Expected, string Predicted, double PFraud)[]
        {
            ("fraud", "fraud", 0.9), ("fraud", "legit", 0.4), ("legit", "legit", 0.2), ("legit", "fraud", 0.6), ("legit", "legit", 0.1),
        };
        List<(GoldenExample, Classification)> results = [.. rows.Select((r, i) => (
            GoldenText.Example(label: r.Expected, id: $"t{i}"),
            new Classification(r.Predicted, Math.Max(r.PFraud, 1 - r.PFraud), [1 - r.PFraud, r.PFraud], [])))];

        Dictionary<string, EvaluationScore> s = new ClassificationSetEvaluator(Labels, positiveLabel: "fraud").Evaluate(results).ToDictionary(x => x.Name);

        Assert.Equal(0.6, s["accuracy"].Value, 12);
        // fraud: P ½, R ½, F1 ½; legit: P ⅔, R ⅔, F1 ⅔.
        Assert.Equal(0.5, s["precision[fraud]"].Value, 12);
        Assert.Equal(2 / 3d, s["recall[legit]"].Value, 12);
        Assert.Equal((0.5 + (2 / 3d)) / 2, s["macro_f1"].Value, 12);
        // Fraud scores .9 and .4 against legit .2 .6 .1: 5 of 6 pairs ranked right.
        Assert.Equal(5 / 6d, s["roc_auc[fraud]"].Value, 12);
        Assert.InRange(s["ece"].Value, 0, 1);
        Assert.Equal("support 2", s["f1[fraud]"].Detail);
    }

    [Fact]
    public void Roc_auc_is_nan_with_a_reason_when_only_one_side_is_present()
    {
        List<(GoldenExample, Classification)> results = [(GoldenText.Example(label: "legit"), new Classification("legit", 0.8, [0.8, 0.2], []))];

        EvaluationScore auc = new ClassificationSetEvaluator(Labels, "fraud").Evaluate(results).Single(x => x.Name == "roc_auc[fraud]");
        Assert.True(double.IsNaN(auc.Value));
        Assert.Contains("only one side", auc.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_example_named()
    {
        var evaluator = new ClassificationSetEvaluator(Labels);
        var unknown = Assert.Throws<ArgumentException>(() => evaluator.Evaluate([(GoldenText.Example(label: "spam", id: "t-7"), new Classification("legit", 0.9, [0.9, 0.1], []))]));
        Assert.Contains("'t-7'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => evaluator.Evaluate([(GoldenText.Example(id: "t-8"), new Classification("legit", 0.9, [0.9, 0.1], []))]));
        Assert.Throws<ArgumentException>(() => evaluator.Evaluate([]));
        Assert.Throws<ArgumentException>(() => new ClassificationSetEvaluator(Labels, "spam"));
        Assert.Throws<ArgumentException>(() => new ClassificationSetEvaluator(["a", "a"]));
    }
}
