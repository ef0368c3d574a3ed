using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Validation;

/// <summary>Stratified, seeded k-fold cross-validation of tabular trainers, scoring one label's probability.</summary>
/// <example>
/// <code>
/// var result = TabularCrossValidation.KFold(credit, new GradientBoostingTrainer(), positiveLabel: "bad", folds: 5, seed: 42);
/// Console.WriteLine($"ROC-AUC {result.MeanRocAuc:F3}");
/// </code>
/// </example>
public static class TabularCrossValidation
{
    /// <summary>Trains on all folds but one and scores the held-out fold, for each fold in turn (folds from <see cref="CrossValidation.StratifiedFolds"/>).</summary>
    /// <param name="data">A labelled table.</param>
    /// <param name="trainer">Trains a fresh model per fold.</param>
    /// <param name="positiveLabel">The label whose probability ROC-AUC, average precision and ECE score, e.g. "fraud".</param>
    /// <param name="folds">Number of folds (at least 2).</param>
    /// <param name="seed">Seed of the shuffle inside each label.</param>
    /// <exception cref="TabularDataException">The table has no label column or rows without a label.</exception>
    /// <exception cref="ArgumentException"><paramref name="positiveLabel"/> is not one of the labels.</exception>
    public static TabularCrossValidationResult KFold(TabularData data, ITabularTrainer trainer, string positiveLabel, int folds = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(positiveLabel);
        TrainingDataCheck.Run(data);
        var labels = data.Labels();
        var allLabels = new SortedSet<string>(labels, StringComparer.Ordinal).ToArray();
        if (Array.IndexOf(allLabels, positiveLabel) < 0)
        {
            throw new ArgumentException("positiveLabel is not one of the table's labels.", nameof(positiveLabel));
        }

        var assignment = CrossValidation.StratifiedFolds(labels, folds, seed);
        var results = new TabularFoldMetrics[folds];
        for (var f = 0; f < folds; f++)
        {
            var (train, heldOut) = Split(assignment, f);
            var model = trainer.Train(data.Select(train));
            var probabilities = ProbabilitiesByLabel(model, data.Select(heldOut), allLabels);
            results[f] = Score(heldOut.Select(i => labels[i]).ToArray(), probabilities, allLabels, positiveLabel);
        }

        return new TabularCrossValidationResult(positiveLabel, results);
    }

    /// <summary>
    /// Each row's uncalibrated log-odds of the second label from a model that did not train on it:
    /// what calibrators are fitted on. Two labels only.
    /// </summary>
    internal static double[] OutOfFoldLogits(TabularData data, ITabularTrainer trainer, int folds, int seed)
    {
        var labels = data.Labels();
        var assignment = CrossValidation.StratifiedFolds(labels, folds, seed);
        var result = new double[labels.Length];
        for (var f = 0; f < folds; f++)
        {
            var (train, heldOut) = Split(assignment, f);
            var model = trainer.Train(data.Select(train));
            var logits = model.Logits(data.Select(heldOut));
            for (var h = 0; h < heldOut.Count; h++)
            {
                result[heldOut[h]] = logits[h];
            }
        }

        return result;
    }

    private static (List<int> Train, List<int> HeldOut) Split(int[] assignment, int fold)
    {
        var train = new List<int>();
        var heldOut = new List<int>();
        for (var i = 0; i < assignment.Length; i++)
        {
            (assignment[i] == fold ? heldOut : train).Add(i);
        }

        return (train, heldOut);
    }

    /// <summary>Probabilities laid out by <paramref name="allLabels"/>, so a fold model that never saw a label gives it 0.</summary>
    private static double[] ProbabilitiesByLabel(TabularClassifier model, TabularData rows, string[] allLabels)
    {
        var raw = model.PredictProbabilities(rows);
        var k = allLabels.Length;
        var mk = model.Labels.Count;
        var map = model.Labels.Select(l => Array.IndexOf(allLabels, l)).ToArray();
        var result = new double[rows.RowCount * k];
        for (var i = 0; i < rows.RowCount; i++)
        {
            for (var c = 0; c < mk; c++)
            {
                result[(i * k) + map[c]] = raw[(i * mk) + c];
            }
        }

        return result;
    }

    private static TabularFoldMetrics Score(string[] expected, double[] probabilities, string[] allLabels, string positiveLabel)
    {
        var k = allLabels.Length;
        var positive = Array.IndexOf(allLabels, positiveLabel);
        var isPositive = new bool[expected.Length];
        var score = new double[expected.Length];
        var rows = new IReadOnlyList<double>[expected.Length];
        var predicted = new string[expected.Length];
        for (var i = 0; i < expected.Length; i++)
        {
            var row = probabilities.AsSpan(i * k, k);
            isPositive[i] = expected[i] == positiveLabel;
            score[i] = row[positive];
            rows[i] = row.ToArray();
            var best = 0;
            for (var c = 1; c < k; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            predicted[i] = allLabels[best];
        }

        return new TabularFoldMetrics(
            BinaryMetrics.RocAuc(isPositive, score),
            BinaryMetrics.AveragePrecision(isPositive, score),
            BinaryMetrics.ExpectedCalibrationError(isPositive, score),
            ClassificationMetrics.LogLoss(expected, rows, allLabels),
            ClassificationMetrics.Compute(expected, predicted, allLabels).Accuracy,
            expected.Length);
    }
}
