namespace HybridAI.Classifiers.Tests;

public class TextClassifierTests
{
    [Fact]
    public void Train_with_defaults_is_logistic_regression_over_hashed_features()
    {
        var model = TextClassifier.Train(TicketData.Training);

        Assert.Equal(LogisticRegressionTrainer.Kind, model.Kind);
        Assert.Equal(FeatureSpace.Hashed, model.Featurizer.Options.FeatureSpace);
        Assert.Equal(1 << 18, model.Featurizer.Dimension);
        Assert.Equal(TicketData.Technical, model.Classify("l'appli plante quand je me connecte").Label);
    }

    [Fact]
    public void Train_honours_the_algorithm_and_a_vocabulary_featurizer()
    {
        var options = new TextClassifierTrainingOptions
        {
            Algorithm = TextClassifierAlgorithm.NaiveBayes,
            Featurizer = new TextFeaturizerOptions { FeatureSpace = FeatureSpace.Vocabulary, MinDocumentFrequency = 1 },
        };
        var model = TextClassifier.Train(TicketData.Training, options);

        Assert.Equal(NaiveBayesTrainer.Kind, model.Kind);
        Assert.True(Training.TrainerQuality.OnHeldOut(model).Model.MacroF1 >= 0.8);
    }

    [Fact]
    public void Concurrent_callers_get_the_same_results_as_sequential_ones()
    {
        var model = TextClassifier.Train(TicketData.Training);
        var inputs = TicketData.HeldOut.Select(t => t.Text).Concat(TicketData.Training.Select(t => t.Text)).ToArray();
        var sequential = inputs.Select(t => model.Classify(t)).ToArray();

        var concurrent = new Abstractions.Classification.Classification[16][];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, worker =>
        {
            var results = new Abstractions.Classification.Classification[inputs.Length];
            // Each worker starts at a different offset so the threads really interleave different inputs.
            for (var n = 0; n < inputs.Length; n++)
            {
                var i = (n + (worker * 7)) % inputs.Length;
                results[i] = model.Classify(inputs[i]);
            }

            concurrent[worker] = results;
        });

        foreach (var results in concurrent)
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                Assert.Equal(sequential[i].Label, results[i].Label);
                Assert.Equal(sequential[i].Probabilities, results[i].Probabilities);
                Assert.Equal(sequential[i].TopFeatures, results[i].TopFeatures);
            }
        }
    }

    [Fact]
    public void Classify_can_skip_or_widen_the_explanation()
    {
        var model = TextClassifier.Train(TicketData.Training);

        Assert.Empty(model.Classify("refund my invoice", topFeatures: 0).TopFeatures);
        Assert.True(model.Classify("refund my invoice please, I was charged twice", topFeatures: 12).TopFeatures.Count > TextClassifier.DefaultTopFeatureCount);
    }
}
