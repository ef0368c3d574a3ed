using System.Buffers;
using HybridAI.Abstractions.Classification;

namespace HybridAI.Classifiers;

/// <summary>
/// A trained text classifier: a <see cref="TextFeaturizer"/> plus one linear score per label, turned
/// into probabilities by softmax. Immutable and thread-safe; classifying costs one featurization and
/// a sparse dot product per label.
/// </summary>
/// <example>
/// <code>
/// TextClassifier triage = TextClassifier.Train([
///     ("I want a refund", "billing"), ("Je veux être remboursé", "billing"),
///     ("The app crashes at login", "technical"), ("Colis jamais reçu", "delivery"), ...]);
/// Classification c = triage.Classify("remboursement svp");
/// Console.WriteLine($"{c.Label} {c.Confidence:P0} because {c.TopFeatures[0].Feature}");
/// using (var file = File.Create("triage.model")) triage.Save(file);
/// </code>
/// </example>
public sealed partial class TextClassifier : IClassifier<string>
{
    /// <summary>How many features <see cref="Classify(string)"/> reports in <see cref="Classification.TopFeatures"/>.</summary>
    public const int DefaultTopFeatureCount = 5;

    // Above this many features a dense feature→row map would cost too much memory; binary search instead.
    private const int DenseRowMapLimit = 1 << 22;

    private readonly string[] _labels;
    private readonly double[] _biases;
    private readonly int[] _featureRows;
    private readonly double[] _weights;
    private readonly int[]? _rowOf;

    internal TextClassifier(string kind, TextFeaturizer featurizer, string[] labels, double[] biases, int[] featureRows, double[] weights)
    {
        Kind = kind;
        Featurizer = featurizer;
        _labels = labels;
        _biases = biases;
        _featureRows = featureRows;
        _weights = weights;
        if (featurizer.Dimension <= DenseRowMapLimit)
        {
            _rowOf = new int[featurizer.Dimension];
            Array.Fill(_rowOf, -1);
            for (var r = 0; r < featureRows.Length; r++)
            {
                _rowOf[featureRows[r]] = r;
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Which learner produced the weights: <see cref="LogisticRegressionTrainer.Kind"/> or <see cref="NaiveBayesTrainer.Kind"/>.</summary>
    public string Kind { get; }

    /// <summary>The featurizer fitted with the model.</summary>
    public TextFeaturizer Featurizer { get; }

    internal ReadOnlySpan<double> Biases => _biases;

    internal ReadOnlySpan<int> FeatureRows => _featureRows;

    internal ReadOnlySpan<double> Weights => _weights;

    /// <summary>
    /// Trains a classifier in one line. Defaults: logistic regression over hashed word 1-2 grams and
    /// character 3-5 grams with TF-IDF.
    /// </summary>
    /// <param name="examples">Labelled texts; at least two distinct labels.</param>
    /// <param name="options">Algorithm and featurizer settings; defaults when null.</param>
    public static TextClassifier Train(IEnumerable<(string Text, string Label)> examples, TextClassifierTrainingOptions? options = null) =>
        (options ?? new TextClassifierTrainingOptions()).CreateTrainer().Train(examples);

    /// <inheritdoc />
    public Classification Classify(string input) => Classify(input, DefaultTopFeatureCount);

    /// <summary>Classifies one text, reporting up to <paramref name="topFeatures"/> contributing features.</summary>
    public Classification Classify(string input, int topFeatures)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(topFeatures);
        var k = _labels.Length;
        var probabilities = new double[k];
        var count = Featurizer.Featurize(input, out var indices, out var values);
        try
        {
            _biases.CopyTo(probabilities, 0);
            for (var p = 0; p < count; p++)
            {
                var row = RowOf(indices[p]);
                if (row < 0)
                {
                    continue;
                }

                var v = values[p];
                var w = _weights.AsSpan(row * k, k);
                for (var c = 0; c < k; c++)
                {
                    probabilities[c] += v * w[c];
                }
            }

            Calibrate(probabilities);
            Softmax.Normalize(probabilities);
            var best = 0;
            for (var c = 1; c < k; c++)
            {
                if (probabilities[c] > probabilities[best])
                {
                    best = c;
                }
            }

            var explanation = topFeatures == 0 ? [] : Explain(indices, values, count, best, topFeatures);
            return new Classification(_labels[best], probabilities[best], probabilities, explanation);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<double>.Shared.Return(values);
        }
    }

    /// <summary>Classifies many texts; results are in input order.</summary>
    public IReadOnlyList<Classification> ClassifyAll(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var results = new Classification[inputs.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Classify(inputs[i]);
        }

        return results;
    }

    // A feature's contribution is value × (its weight for the label − its mean weight over labels):
    // adding the same amount to every label changes no probability, so only the difference explains
    // the choice. This also makes naive Bayes log-likelihoods (all negative) readable.
    private FeatureContribution[] Explain(int[] indices, double[] values, int count, int label, int top)
    {
        var k = _labels.Length;
        Span<int> bestFeatures = top <= 64 ? stackalloc int[top] : new int[top];
        Span<double> bestScores = top <= 64 ? stackalloc double[top] : new double[top];
        var kept = 0;
        for (var p = 0; p < count; p++)
        {
            var row = RowOf(indices[p]);
            if (row < 0)
            {
                continue;
            }

            var w = _weights.AsSpan(row * k, k);
            double mean = 0;
            for (var c = 0; c < k; c++)
            {
                mean += w[c];
            }

            var contribution = values[p] * (w[label] - (mean / k));
            if (!(contribution > 0) || (kept == top && contribution <= bestScores[kept - 1]))
            {
                continue;
            }

            var at = kept == top ? top - 1 : kept++;
            while (at > 0 && bestScores[at - 1] < contribution)
            {
                bestScores[at] = bestScores[at - 1];
                bestFeatures[at] = bestFeatures[at - 1];
                at--;
            }

            bestScores[at] = contribution;
            bestFeatures[at] = indices[p];
        }

        var result = new FeatureContribution[kept];
        for (var i = 0; i < kept; i++)
        {
            result[i] = new FeatureContribution(Featurizer.FeatureName(bestFeatures[i]), bestScores[i]);
        }

        return result;
    }

    private int RowOf(int feature)
    {
        if (_rowOf is not null)
        {
            return _rowOf[feature];
        }

        var at = Array.BinarySearch(_featureRows, feature);
        return at >= 0 ? at : -1;
    }
}
