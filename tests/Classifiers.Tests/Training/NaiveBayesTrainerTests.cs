namespace HybridAI.Classifiers.Tests.Training;

public class NaiveBayesTrainerTests
{
    private static readonly TextClassifier Model = new NaiveBayesTrainer().Train(TicketData.Training);

    [Fact]
    public void Beats_the_majority_baseline_clearly_on_held_out_tickets()
    {
        var (metrics, baseline) = TrainerQuality.OnHeldOut(Model);

        Assert.True(baseline.MacroF1 < 0.3, $"baseline macro-F1 {baseline.MacroF1}");
        Assert.True(metrics.MacroF1 >= 0.8, $"macro-F1 {metrics.MacroF1}");
    }

    [Fact]
    public void Probabilities_sum_to_one()
    {
        foreach (var (text, _) in TicketData.HeldOut)
        {
            Assert.Equal(1d, Model.Classify(text).Probabilities.Sum(), 12);
        }
    }

    [Fact]
    public void Top_features_name_the_indicative_words()
    {
        var c = Model.Classify("my parcel never arrived, tracking says delivered");

        Assert.Equal(TicketData.Delivery, c.Label);
        Assert.True(TrainerQuality.PointsAt(c, "parcel", "arrived", "tracking", "delivered"), string.Join(", ", c.TopFeatures));
        Assert.Equal(NaiveBayesTrainer.Kind, Model.Kind);
    }

    [Fact]
    public void Priors_follow_the_label_frequencies_unless_turned_off()
    {
        // "zzz" is unknown to the featurizer's vocabulary of features, so only the priors speak.
        var examples = new[] { ("refund", "billing"), ("refund now", "billing"), ("refund me", "billing"), ("crash", "technical") };
        var options = new TextFeaturizerOptions { FeatureSpace = FeatureSpace.Vocabulary };
        var fitted = new NaiveBayesTrainer(featurizer: options).Train(examples).Classify("zzz");
        var uniform = new NaiveBayesTrainer(new NaiveBayesOptions { FitPriors = false }, options).Train(examples).Classify("zzz");

        Assert.Equal(0.75, fitted.Probabilities[0], 12);
        Assert.Equal(0.5, uniform.Probabilities[0], 12);
        Assert.Empty(fitted.TopFeatures);
    }
}
