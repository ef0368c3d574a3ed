namespace HybridAI.Classifiers.Tests.Training;

public class LogisticRegressionTrainerTests
{
    private static readonly TextClassifier Model = new LogisticRegressionTrainer().Train(TicketData.Training);

    [Fact]
    public void Beats_the_majority_baseline_clearly_on_held_out_tickets()
    {
        var (metrics, baseline) = TrainerQuality.OnHeldOut(Model);

        Assert.True(baseline.MacroF1 < 0.3, $"baseline macro-F1 {baseline.MacroF1}");
        Assert.True(metrics.MacroF1 >= 0.8, $"macro-F1 {metrics.MacroF1}");
    }

    [Fact]
    public void Labels_are_in_ordinal_order_and_probabilities_sum_to_one()
    {
        Assert.Equal(TicketData.Labels, Model.Labels);
        foreach (var (text, _) in TicketData.HeldOut)
        {
            var c = Model.Classify(text);
            Assert.Equal(1d, c.Probabilities.Sum(), 12);
            Assert.Equal(c.Probabilities.Max(), c.Confidence);
            Assert.Equal(Model.Labels[c.Probabilities.ToList().IndexOf(c.Confidence)], c.Label);
        }
    }

    [Fact]
    public void Top_features_name_the_indicative_words()
    {
        var c = Model.Classify("Remboursement de ma facture svp");

        Assert.Equal(TicketData.Billing, c.Label);
        Assert.InRange(c.TopFeatures.Count, 1, TextClassifier.DefaultTopFeatureCount);
        Assert.True(TrainerQuality.PointsAt(c, "remboursement", "facture"), string.Join(", ", c.TopFeatures));
        for (var i = 1; i < c.TopFeatures.Count; i++)
        {
            Assert.True(c.TopFeatures[i - 1].Weight >= c.TopFeatures[i].Weight);
            Assert.True(c.TopFeatures[i].Weight > 0);
        }
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var again = new LogisticRegressionTrainer().Train(TicketData.Training);
        // Another order only changes the floating-point summation order, hence "nearly" equal.
        var reversed = new LogisticRegressionTrainer().Train(TicketData.Training.Reverse());

        foreach (var (text, _) in TicketData.HeldOut)
        {
            var expected = Model.Classify(text).Probabilities;
            Assert.Equal(expected, again.Classify(text).Probabilities);
            var other = reversed.Classify(text).Probabilities;
            for (var c = 0; c < expected.Count; c++)
            {
                Assert.Equal(expected[c], other[c], 1e-6);
            }
        }
    }

    [Fact]
    public void Balanced_class_weights_shift_predictions_towards_a_rare_label()
    {
        var common = new[]
        {
            "question about my order", "order status question", "question on the order form", "general question",
            "a question about pricing", "where do I find my order", "question about the catalogue", "order history question",
            "a simple question", "question regarding my account", "question about my last order", "quick question",
        };
        var rare = new[] { "urgent legal complaint", "formal complaint" };
        var examples = common.Select(t => (t, "question")).Concat(rare.Select(t => (t, "complaint"))).ToList();
        var queries = new[] { "urgent", "legal", "formal order", "complaint about the order form" };

        var plain = new LogisticRegressionTrainer().Train(examples);
        var balanced = new LogisticRegressionTrainer(new LogisticRegressionOptions { ClassWeighting = ClassWeighting.Balanced }).Train(examples);

        var complaint = plain.Labels.ToList().IndexOf("complaint");
        foreach (var q in queries)
        {
            Assert.True(balanced.Classify(q).Probabilities[complaint] > plain.Classify(q).Probabilities[complaint], q);
        }

        Assert.Contains(queries, q => plain.Classify(q).Label != balanced.Classify(q).Label);
    }

    [Fact]
    public void Training_needs_two_labels()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LogisticRegressionTrainer().Train([("a", "x"), ("b", "x")]));
        Assert.Contains("two distinct labels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_labels_are_rejected_with_their_position()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LogisticRegressionTrainer().Train([("a", "x"), ("b", "")]));
        Assert.Contains("#1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_rejected_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LogisticRegressionTrainer(new LogisticRegressionOptions { L2 = -1 }));
        Assert.Contains("L2", ex.Message, StringComparison.Ordinal);
    }
}
