namespace HybridAI.Classifiers.Tests.Metrics;

public class ClassificationMetricsTests
{
    private static readonly string[] Labels = ["a", "b", "c"];

    [Fact]
    public void Matches_a_hand_computed_confusion_matrix()
    {
        // expected a a a b b c / predicted a a b b c c:
        //        a  b  c      a: P 2/2, R 2/3, F1 0.8
        //   a    2  1  0      b: P 1/2, R 1/2, F1 0.5
        //   b    0  1  1      c: P 1/2, R 1/1, F1 2/3
        //   c    0  0  1
        var m = ClassificationMetrics.Compute(["a", "a", "a", "b", "b", "c"], ["a", "a", "b", "b", "c", "c"], Labels);

        Assert.Equal(6, m.Count);
        Assert.Equal(4 / 6d, m.Accuracy, 12);
        int[,] confusion = { { 2, 1, 0 }, { 0, 1, 1 }, { 0, 0, 1 } };
        for (var e = 0; e < 3; e++)
        {
            for (var p = 0; p < 3; p++)
            {
                Assert.Equal(confusion[e, p], m.Confusion[e, p]);
            }
        }

        Assert.Equal(1, m.Confusion.Count("a", "b"));
        Assert.Equal(Round(new ClassMetrics("a", 1, 2 / 3d, 0.8, 3)), Round(m.PerClass[0]));
        Assert.Equal(Round(new ClassMetrics("b", 0.5, 0.5, 0.5, 2)), Round(m.PerClass[1]));
        Assert.Equal(Round(new ClassMetrics("c", 0.5, 1, 2 / 3d, 1)), Round(m.PerClass[2]));
        Assert.Equal((0.8 + 0.5 + (2 / 3d)) / 3, m.MacroF1, 12);
    }

    [Fact]
    public void A_label_never_predicted_has_zero_precision_and_f1()
    {
        var m = ClassificationMetrics.Compute(["a", "b"], ["a", "a"], Labels);

        Assert.Equal(0, m.PerClass[1].Precision);
        Assert.Equal(0, m.PerClass[1].F1);
        Assert.Equal(0, m.PerClass[2].Support);
    }

    [Fact]
    public void Majority_baseline_predicts_the_most_frequent_training_label()
    {
        var m = ClassificationMetrics.MajorityBaseline(["a", "b", "b"], ["a", "b", "c"], Labels);

        Assert.Equal(1 / 3d, m.Accuracy, 12);
        Assert.Equal(3, m.Confusion.Count("a", "b") + m.Confusion.Count("b", "b") + m.Confusion.Count("c", "b"));
        Assert.Equal(0.5 / 3, m.MacroF1, 12); // b: P 1/3, R 1, F1 0.5; a and c: 0
    }

    [Fact]
    public void Log_loss_is_the_mean_negative_log_probability_of_the_truth()
    {
        double[][] probabilities = [[0.5, 0.5, 0], [0.25, 0.5, 0.25]];

        Assert.Equal(Math.Log(2), ClassificationMetrics.LogLoss(["a", "b"], probabilities, Labels), 12);
        Assert.Equal(-Math.Log(1e-15), ClassificationMetrics.LogLoss(["c"], [probabilities[0]], Labels), 9);
    }

    [Fact]
    public void Unknown_labels_are_reported_by_position()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(["a", "b"], ["a", "z"], Labels));

        Assert.Contains("predicted[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(["a", "b"], ["a"], Labels));
    }

    private static ClassMetrics Round(ClassMetrics m) =>
        m with { Precision = Math.Round(m.Precision, 10), Recall = Math.Round(m.Recall, 10), F1 = Math.Round(m.F1, 10) };
}
