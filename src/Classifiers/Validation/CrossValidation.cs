namespace HybridAI.Classifiers;

/// <summary>Stratified, seeded k-fold cross-validation for text classifiers.</summary>
/// <example>
/// <code>
/// var result = CrossValidation.KFold(examples, new LogisticRegressionTrainer(), folds: 5, seed: 42);
/// Console.WriteLine($"macro-F1 {result.MeanMacroF1:F3} over {result.Folds.Count} folds");
/// </code>
/// </example>
public static class CrossValidation
{
    /// <summary>
    /// Assigns each item a fold in [0, <paramref name="folds"/>) so that every label is spread as
    /// evenly as possible over the folds. The same labels and seed give the same assignment.
    /// </summary>
    public static int[] StratifiedFolds(IReadOnlyList<string> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (folds < 2 || folds > labels.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), $"folds must be in 2..{labels.Count} (the number of items) but is {folds}.");
        }

        var byLabel = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i] ?? throw new ArgumentException($"labels[{i}] is null.", nameof(labels));
            if (!byLabel.TryGetValue(label, out var members))
            {
                byLabel[label] = members = [];
            }

            members.Add(i);
        }

        // Dealing continues across labels, so small labels do not all pile into fold 0.
        var random = new Random(seed);
        var assignment = new int[labels.Count];
        var next = 0;
        foreach (var members in byLabel.Values)
        {
            var shuffled = members.ToArray();
            random.Shuffle(shuffled);
            foreach (var item in shuffled)
            {
                assignment[item] = next;
                next = (next + 1) % folds;
            }
        }

        return assignment;
    }

    /// <summary>Trains on all folds but one and scores the held-out fold, for each fold in turn.</summary>
    /// <param name="examples">Labelled texts.</param>
    /// <param name="trainer">Trains a fresh model per fold.</param>
    /// <param name="folds">Number of folds (at least 2).</param>
    /// <param name="seed">Seed of the shuffle inside each label.</param>
    public static CrossValidationResult KFold(IReadOnlyList<(string Text, string Label)> examples, ITextClassifierTrainer trainer, int folds = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(trainer);
        var labels = new string[examples.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = examples[i].Label;
        }

        var allLabels = new SortedSet<string>(labels, StringComparer.Ordinal).ToArray();
        var assignment = StratifiedFolds(labels, folds, seed);
        var results = new ClassificationMetrics[folds];
        for (var f = 0; f < folds; f++)
        {
            var train = new List<(string, string)>();
            var heldOut = new List<int>();
            for (var i = 0; i < examples.Count; i++)
            {
                if (assignment[i] == f)
                {
                    heldOut.Add(i);
                }
                else
                {
                    train.Add(examples[i]);
                }
            }

            var model = trainer.Train(train);
            var expected = new string[heldOut.Count];
            var predicted = new string[heldOut.Count];
            for (var h = 0; h < heldOut.Count; h++)
            {
                expected[h] = examples[heldOut[h]].Label;
                predicted[h] = model.Classify(examples[heldOut[h]].Text, topFeatures: 0).Label;
            }

            results[f] = ClassificationMetrics.Compute(expected, predicted, allLabels);
        }

        return new CrossValidationResult(results);
    }
}
