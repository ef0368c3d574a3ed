using System.Globalization;
using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers;
using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// Classification metrics over a whole set, computed by Classifiers' <see cref="ClassificationMetrics"/> and
/// <see cref="BinaryMetrics"/>: <c>accuracy</c>, <c>macro_f1</c>, <c>precision[label]</c>, <c>recall[label]</c>,
/// <c>f1[label]</c>, top-label <c>ece</c> (expected calibration error of the confidence) and, when a positive label
/// is named, <c>roc_auc</c> of its probability (NaN, with the reason, when the set holds only one of the two sides).
/// </summary>
/// <example>
/// <code>
/// var metrics = new ClassificationSetEvaluator(classifier.Labels, positiveLabel: "fraud");
/// IReadOnlyList&lt;EvaluationScore&gt; scores = metrics.Evaluate(set.Examples.Select(e =&gt; (e, classifier.Classify(e.InputText))).ToList());
/// foreach (var s in scores) Console.WriteLine($"{s.Name} {s.Value:F3}");
/// </code>
/// </example>
public sealed class ClassificationSetEvaluator : ISetEvaluator<Classification>
{
    private readonly string[] _labels;
    private readonly int _positive;
    private readonly int _bins;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="labels">The classifier's labels, in the order of <see cref="Classification.Probabilities"/>.</param>
    /// <param name="positiveLabel">The label whose probability ROC-AUC ranks; none when null.</param>
    /// <param name="calibrationBins">Equal-width bins for the calibration error.</param>
    /// <exception cref="ArgumentException">The labels are empty or repeated, or the positive label is not one of them.</exception>
    public ClassificationSetEvaluator(IReadOnlyList<string> labels, string? positiveLabel = null, int calibrationBins = 10)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(calibrationBins, 1);
        _labels = [.. labels];
        if (_labels.Length == 0 || _labels.Distinct(StringComparer.Ordinal).Count() != _labels.Length)
        {
            throw new ArgumentException("The labels must be non-empty and distinct.", nameof(labels));
        }

        _positive = positiveLabel is null ? -1 : Array.IndexOf(_labels, positiveLabel);
        if (positiveLabel is not null && _positive < 0)
        {
            throw new ArgumentException("The positive label is not one of the labels.", nameof(positiveLabel));
        }

        _bins = calibrationBins;
    }

    /// <inheritdoc />
    public GoldenFields Requires => GoldenFields.Label;

    /// <inheritdoc />
    public IReadOnlyList<EvaluationScore> Evaluate(IReadOnlyList<(GoldenExample Example, Classification Output)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("There are no results to score.", nameof(results));
        }

        var expected = new string[results.Count];
        var predicted = new string[results.Count];
        var correct = new bool[results.Count];
        var confidence = new double[results.Count];
        for (int i = 0; i < results.Count; i++)
        {
            (GoldenExample example, Classification output) = results[i];
            ArgumentNullException.ThrowIfNull(output, $"results[{i}].Output");
            expected[i] = Expect.Text(example, GoldenFields.Label, nameof(ClassificationSetEvaluator));
            if (Array.IndexOf(_labels, expected[i]) < 0)
            {
                throw new ArgumentException($"Golden example '{example.Id}': the expected label is not one of the classifier's labels.", nameof(results));
            }

            if (Array.IndexOf(_labels, output.Label) < 0)
            {
                throw new ArgumentException($"results[{i}] (example '{example.Id}'): the predicted label is not one of the labels.", nameof(results));
            }

            predicted[i] = output.Label;
            correct[i] = expected[i] == predicted[i];
            confidence[i] = output.Confidence;
        }

        ClassificationMetrics metrics = ClassificationMetrics.Compute(expected, predicted, _labels);
        var scores = new List<EvaluationScore>
        {
            new("accuracy", metrics.Accuracy, Detail: string.Create(CultureInfo.InvariantCulture, $"{metrics.Count} examples")),
            new("macro_f1", metrics.MacroF1),
        };
        foreach (ClassMetrics c in metrics.PerClass)
        {
            string support = string.Create(CultureInfo.InvariantCulture, $"support {c.Support}");
            scores.Add(new EvaluationScore($"precision[{c.Label}]", c.Precision, Detail: support));
            scores.Add(new EvaluationScore($"recall[{c.Label}]", c.Recall, Detail: support));
            scores.Add(new EvaluationScore($"f1[{c.Label}]", c.F1, Detail: support));
        }

        scores.Add(new EvaluationScore("ece", BinaryMetrics.ExpectedCalibrationError(correct, confidence, _bins), Detail: "top-label confidence"));
        if (_positive >= 0)
        {
            scores.Add(RocAuc(results, expected));
        }

        return scores;
    }

    private EvaluationScore RocAuc(IReadOnlyList<(GoldenExample Example, Classification Output)> results, string[] expected)
    {
        string name = $"roc_auc[{_labels[_positive]}]";
        var isPositive = new bool[results.Count];
        var score = new double[results.Count];
        for (int i = 0; i < results.Count; i++)
        {
            IReadOnlyList<double> p = results[i].Output.Probabilities;
            if (p is null || p.Count != _labels.Length)
            {
                throw new ArgumentException($"results[{i}] (example '{results[i].Example.Id}'): the probabilities do not match the {_labels.Length} labels.", nameof(results));
            }

            isPositive[i] = expected[i] == _labels[_positive];
            score[i] = p[_positive];
        }

        int positives = isPositive.Count(b => b);
        return positives == 0 || positives == results.Count
            ? new EvaluationScore(name, double.NaN, Detail: "undefined: the set holds only one side of the positive label")
            : new EvaluationScore(name, BinaryMetrics.RocAuc(isPositive, score));
    }
}
