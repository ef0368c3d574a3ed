namespace HybridAI.Classifiers.Tests.Validation;

public class CrossValidationTests
{
    [Fact]
    public void Stratified_folds_hold_out_each_item_exactly_once_and_spread_every_label()
    {
        var all = TicketData.Training.Concat(TicketData.HeldOut).ToArray();
        var recorder = new RecordingTrainer(new LogisticRegressionTrainer());

        var result = CrossValidation.KFold(all, recorder, folds: 5, seed: 7);

        Assert.Equal(5, result.Folds.Count);
        Assert.Equal(all.Length, result.Folds.Sum(f => f.Count));
        // Each item is trained on in all folds but the one that holds it out.
        foreach (var item in all)
        {
            Assert.Equal(4, recorder.TrainingSets.Count(set => set.Contains(item)));
        }

        foreach (var fold in result.Folds)
        {
            Assert.All(fold.PerClass, c => Assert.InRange(c.Support, 5, 6)); // 27 per label over 5 folds
        }

        Assert.True(result.MeanMacroF1 >= 0.8, $"mean macro-F1 {result.MeanMacroF1}");
    }

    [Fact]
    public void Fold_assignment_depends_only_on_labels_and_seed()
    {
        var labels = TicketData.LabelsOf(TicketData.Training);

        Assert.Equal(CrossValidation.StratifiedFolds(labels, 5, seed: 1), CrossValidation.StratifiedFolds(labels, 5, seed: 1));
        Assert.NotEqual(CrossValidation.StratifiedFolds(labels, 5, seed: 1), CrossValidation.StratifiedFolds(labels, 5, seed: 2));
    }

    [Fact]
    public void Too_many_folds_are_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.StratifiedFolds(["a", "b"], 3, 0));
        Assert.Contains("folds", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A real trainer that also remembers what each fold trained on.</summary>
    private sealed class RecordingTrainer(ITextClassifierTrainer inner) : ITextClassifierTrainer
    {
        public List<HashSet<(string Text, string Label)>> TrainingSets { get; } = [];

        public TextClassifier Train(IEnumerable<(string Text, string Label)> examples)
        {
            var list = examples.ToList();
            TrainingSets.Add([.. list]);
            return inner.Train(list);
        }
    }
}
