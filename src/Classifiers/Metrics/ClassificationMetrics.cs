namespace HybridAI.Classifiers;

/// <summary>
/// How well predictions match expected labels: accuracy, per-label precision/recall/F1, macro-F1
/// and the confusion matrix; plus a majority-label baseline and log-loss.
/// </summary>
/// <example>
/// <code>
/// var predicted = test.Select(t => model.Classify(t.Text).Label).ToList();
/// var metrics = ClassificationMetrics.Compute(test.Select(t => t.Label).ToList(), predicted, model.Labels);
/// var baseline = ClassificationMetrics.MajorityBaseline(trainLabels, testLabels, model.Labels);
/// Console.WriteLine($"macro-F1 {metrics.MacroF1:F2} vs baseline {baseline.MacroF1:F2}");
/// </code>
/// </example>
public sealed class ClassificationMetrics
{
    private ClassificationMetrics(double accuracy, double macroF1, IReadOnlyList<ClassMetrics> perClass, ConfusionMatrix confusion, int count)
    {
        Accuracy = accuracy;
        MacroF1 = macroF1;
        PerClass = perClass;
        Confusion = confusion;
        Count = count;
    }

    /// <summary>Share of items predicted correctly.</summary>
    public double Accuracy { get; }

    /// <summary>Unweighted mean of the per-label F1 scores: every label counts the same, however rare.</summary>
    public double MacroF1 { get; }

    /// <summary>Metrics per label, in the order of the labels given to <see cref="Compute"/>.</summary>
    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>Expected × predicted counts.</summary>
    public ConfusionMatrix Confusion { get; }

    /// <summary>How many items were scored.</summary>
    public int Count { get; }

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="expected"/>.</summary>
    /// <param name="expected">True labels.</param>
    /// <param name="predicted">Predicted labels, aligned with <paramref name="expected"/>.</param>
    /// <param name="labels">All labels, distinct; every expected and predicted label must be one of them.</param>
    public static ClassificationMetrics Compute(IReadOnlyList<string> expected, IReadOnlyList<string> predicted, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(predicted);
        var index = IndexLabels(labels);
        if (expected.Count != predicted.Count)
        {
            throw new ArgumentException($"expected has {expected.Count} items but predicted has {predicted.Count}.", nameof(predicted));
        }

        if (expected.Count == 0)
        {
            throw new ArgumentException("There are no items to score.", nameof(expected));
        }

        var k = labels.Count;
        var counts = new int[k * k];
        var correct = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = Find(index, expected[i], nameof(expected), i);
            var p = Find(index, predicted[i], nameof(predicted), i);
            counts[(e * k) + p]++;
            if (e == p)
            {
                correct++;
            }
        }

        var perClass = new ClassMetrics[k];
        double f1Sum = 0;
        for (var c = 0; c < k; c++)
        {
            int truePositives = counts[(c * k) + c], predictedAs = 0, support = 0;
            for (var o = 0; o < k; o++)
            {
                predictedAs += counts[(o * k) + c];
                support += counts[(c * k) + o];
            }

            var precision = predictedAs == 0 ? 0 : truePositives / (double)predictedAs;
            var recall = support == 0 ? 0 : truePositives / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassMetrics(labels[c], precision, recall, f1, support);
            f1Sum += f1;
        }

        return new ClassificationMetrics(correct / (double)expected.Count, f1Sum / k, perClass, new ConfusionMatrix([.. labels], counts, index), expected.Count);
    }

    /// <summary>
    /// The metrics of always predicting the most frequent training label (ties: the earliest in
    /// <paramref name="labels"/>) — the floor a real model has to beat clearly.
    /// </summary>
    /// <param name="trainingLabels">Labels of the training items, to find the majority.</param>
    /// <param name="expected">True labels of the evaluation items.</param>
    /// <param name="labels">All labels.</param>
    public static ClassificationMetrics MajorityBaseline(IReadOnlyList<string> trainingLabels, IReadOnlyList<string> expected, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(trainingLabels);
        ArgumentNullException.ThrowIfNull(expected);
        var index = IndexLabels(labels);
        if (trainingLabels.Count == 0)
        {
            throw new ArgumentException("There are no training labels to find a majority in.", nameof(trainingLabels));
        }

        var frequency = new int[labels.Count];
        for (var i = 0; i < trainingLabels.Count; i++)
        {
            frequency[Find(index, trainingLabels[i], nameof(trainingLabels), i)]++;
        }

        var majority = 0;
        for (var c = 1; c < frequency.Length; c++)
        {
            if (frequency[c] > frequency[majority])
            {
                majority = c;
            }
        }

        var predicted = new string[expected.Count];
        Array.Fill(predicted, labels[majority]);
        return Compute(expected, predicted, labels);
    }

    /// <summary>
    /// Mean negative log-probability given to the true label (lower is better); probabilities are
    /// clipped to [<paramref name="epsilon"/>, 1] so one confident mistake costs a lot but not infinity.
    /// </summary>
    /// <param name="expected">True labels.</param>
    /// <param name="probabilities">One distribution per item, in the order of <paramref name="labels"/> (e.g. <c>Classification.Probabilities</c>).</param>
    /// <param name="labels">All labels.</param>
    /// <param name="epsilon">Smallest probability used.</param>
    public static double LogLoss(IReadOnlyList<string> expected, IReadOnlyList<IReadOnlyList<double>> probabilities, IReadOnlyList<string> labels, double epsilon = 1e-15)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(probabilities);
        var index = IndexLabels(labels);
        if (expected.Count != probabilities.Count)
        {
            throw new ArgumentException($"expected has {expected.Count} items but probabilities has {probabilities.Count}.", nameof(probabilities));
        }

        if (expected.Count == 0)
        {
            throw new ArgumentException("There are no items to score.", nameof(expected));
        }

        double total = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var row = probabilities[i] ?? throw new ArgumentException($"probabilities[{i}] is null.", nameof(probabilities));
            if (row.Count != labels.Count)
            {
                throw new ArgumentException($"probabilities[{i}] has {row.Count} entries but there are {labels.Count} labels.", nameof(probabilities));
            }

            var p = row[Find(index, expected[i], nameof(expected), i)];
            total -= Math.Log(Math.Clamp(p, epsilon, 1d));
        }

        return total / expected.Count;
    }

    private static Dictionary<string, int> IndexLabels(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw new ArgumentException("At least one label is needed.", nameof(labels));
        }

        var index = new Dictionary<string, int>(labels.Count, StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is null || !index.TryAdd(labels[i], i))
            {
                throw new ArgumentException($"labels[{i}] is null or repeats an earlier label.", nameof(labels));
            }
        }

        return index;
    }

    private static int Find(Dictionary<string, int> index, string label, string parameter, int position) =>
        label is not null && index.TryGetValue(label, out var i)
            ? i
            : throw new ArgumentException($"{parameter}[{position}] is not one of the given labels.", parameter);
}
