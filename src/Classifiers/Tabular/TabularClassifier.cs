using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// A trained classifier over table rows (logistic regression or boosted trees), with its featurizer,
/// an optional probability calibrator (two labels), and per-row explanations: LR reports weight ×
/// value, trees the sum of value changes along each row's path per feature (Saabas).
/// </summary>
/// <example>
/// <code>
/// TabularData credit = ArffReader.ReadFile("credit-g.arff");
/// TabularClassifier model = new CalibratedTrainer(new GradientBoostingTrainer(), CalibrationMethod.Isotonic).Train(credit);
/// Classification c = model.Classify(credit.Row(0));
/// Console.WriteLine($"{c.Label} {c.Confidence:P0}, mostly because of {c.TopFeatures[0].Feature}");
/// using var file = File.Create("credit.model");
/// model.Save(file);
/// </code>
/// </example>
public sealed partial class TabularClassifier : IClassifier<TabularRow>
{
    /// <summary>How many features <see cref="Classify(TabularRow)"/> reports in <see cref="Classification.TopFeatures"/>.</summary>
    public const int DefaultTopFeatureCount = 5;

    private const int StackLimit = 256;

    /// <summary>Size of the featurized block batch scoring works through: well inside a core's L2.</summary>
    private const int BlockBytes = 128 * 1024;
    private readonly string[] _labels;

    internal TabularClassifier(TabularFeaturizer featurizer, string[] labels, ITabularModel model, ProbabilityCalibrator? calibrator = null)
    {
        Featurizer = featurizer;
        _labels = labels;
        Model = model;
        Calibrator = calibrator;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>"logistic-regression" or "gradient-boosting".</summary>
    public string Kind => Model.Kind;

    /// <summary>Turns rows into the model's features.</summary>
    public TabularFeaturizer Featurizer { get; }

    /// <summary>Maps the raw probability of <c>Labels[1]</c> to a calibrated one; null when uncalibrated.</summary>
    public ProbabilityCalibrator? Calibrator { get; }

    internal ITabularModel Model { get; }

    /// <summary>The same model with <paramref name="calibrator"/> applied to the probability of <c>Labels[1]</c>.</summary>
    /// <exception cref="InvalidOperationException">The model has more than two labels.</exception>
    public TabularClassifier WithCalibrator(ProbabilityCalibrator calibrator)
    {
        ArgumentNullException.ThrowIfNull(calibrator);
        if (_labels.Length != 2)
        {
            throw new InvalidOperationException($"Calibration needs a model with two labels but this one has {_labels.Length}.");
        }

        return new TabularClassifier(Featurizer, _labels, Model, calibrator);
    }

    /// <inheritdoc />
    public Classification Classify(TabularRow input) => Classify(input, DefaultTopFeatureCount);

    /// <summary>Classifies one row, reporting up to <paramref name="topFeatures"/> features that pushed towards the chosen label.</summary>
    /// <exception cref="TabularDataException">A numeric value is infinite or not a number.</exception>
    public Classification Classify(TabularRow input, int topFeatures)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(topFeatures);
        var d = Featurizer.Dimension;
        double[]? rented = null;
        var features = d <= StackLimit ? stackalloc double[d] : (rented = ArrayPool<double>.Shared.Rent(d)).AsSpan(0, d);
        try
        {
            Featurizer.Transform(input, features);
            var probabilities = new double[_labels.Length];
            Probabilities(features, probabilities);
            var best = 0;
            for (var c = 1; c < probabilities.Length; c++)
            {
                if (probabilities[c] > probabilities[best])
                {
                    best = c;
                }
            }

            var explanation = topFeatures == 0 ? [] : Explain(features, best, topFeatures);
            return new Classification(_labels[best], probabilities[best], probabilities, explanation);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Probabilities for every row of <paramref name="data"/>, row-major in the order of <see cref="Labels"/>.</summary>
    /// <exception cref="TabularDataException">A numeric value is infinite or not a number (the message names the column and row).</exception>
    public double[] PredictProbabilities(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new double[data.RowCount * _labels.Length];
        PredictProbabilities(data, result);
        return result;
    }

    /// <summary>
    /// Writes the probabilities of every row of <paramref name="data"/> into <paramref name="probabilities"/>, row-major
    /// in the order of <see cref="Labels"/> (row i at [i·Labels.Count, (i+1)·Labels.Count)); allocates nothing per row,
    /// so a caller scoring batch after batch can reuse one buffer. Same values as <see cref="Classify(TabularRow)"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var probabilities = new double[batch.RowCount * model.Labels.Count];
    /// model.PredictProbabilities(batch, probabilities);
    /// double risk = probabilities[(row * model.Labels.Count) + 1];   // P(Labels[1]) of that row
    /// </code>
    /// </example>
    /// <exception cref="ArgumentException"><paramref name="probabilities"/> is not RowCount × Labels.Count long.</exception>
    /// <exception cref="TabularDataException">A numeric value is infinite or not a number (the message names the column and row).</exception>
    public void PredictProbabilities(TabularData data, Span<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(data);
        var k = _labels.Length;
        if (probabilities.Length != data.RowCount * k)
        {
            throw new ArgumentException($"probabilities has length {probabilities.Length} but {data.RowCount} rows × {k} labels need {data.RowCount * k}.", nameof(probabilities));
        }

        if (Model is IFloatFeatureModel trees)
        {
            Score<float>(data, probabilities, trees);
        }
        else
        {
            Score<double>(data, probabilities, null);
        }
    }

    /// <summary>The uncalibrated log-odds of <c>Labels[1]</c> for every row of a two-label model.</summary>
    internal double[] Logits(TabularData data)
    {
        var margins = new double[data.RowCount * 2];
        if (Model is IFloatFeatureModel trees)
        {
            Score<float>(data, margins, trees, probabilities: false);
        }
        else
        {
            Score<double>(data, margins, null, probabilities: false);
        }

        var result = new double[data.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = margins[(2 * i) + 1] - margins[2 * i];
        }

        return result;
    }

    /// <summary>Writes the (calibrated) probabilities of one featurized row. Allocation-free.</summary>
    internal void Probabilities(ReadOnlySpan<double> features, Span<double> probabilities)
    {
        Model.Margins(features, probabilities);
        Normalize(probabilities);
    }

    /// <summary>Margins → (calibrated) probabilities, in place.</summary>
    private void Normalize(Span<double> probabilities)
    {
        if (Calibrator is not null)
        {
            probabilities[1] = Math.Clamp(Calibrator.CalibrateLogit(probabilities[1] - probabilities[0]), 0d, 1d);
            probabilities[0] = 1d - probabilities[1];
            return;
        }

        Softmax.Normalize(probabilities);
    }

    /// <summary>
    /// Featurizes <paramref name="data"/> a block of rows at a time into one pooled buffer and scores each row into
    /// <paramref name="output"/>: the buffer stays in cache, where a whole-table matrix (tens of MB for 100k rows)
    /// would be written, evicted and read back. Trees get float32 rows (<paramref name="floatModel"/>), which is all
    /// their splits read; other models double rows.
    /// </summary>
    private void Score<T>(TabularData data, Span<double> output, IFloatFeatureModel? floatModel, bool probabilities = true)
        where T : unmanaged, INumberBase<T>
    {
        var d = Featurizer.Dimension;
        var k = _labels.Length;
        var n = data.RowCount;
        var bound = Featurizer.Bind(data);
        var block = Math.Clamp(BlockBytes / Unsafe.SizeOf<T>() / Math.Max(d, 1), 1, Math.Max(n, 1));
        var buffer = ArrayPool<T>.Shared.Rent(block * d);
        try
        {
            for (var start = 0; start < n; start += block)
            {
                var count = Math.Min(block, n - start);
                Featurizer.Transform<T>(bound, data, start, count, buffer);
                for (var r = 0; r < count; r++)
                {
                    var row = buffer.AsSpan(r * d, d);
                    var p = output.Slice((start + r) * k, k);
                    if (typeof(T) == typeof(float))
                    {
                        floatModel!.Margins(MemoryMarshal.Cast<T, float>(row), p);
                    }
                    else
                    {
                        Model.Margins(MemoryMarshal.Cast<T, double>(row), p);
                    }

                    if (probabilities)
                    {
                        Normalize(p);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private FeatureContribution[] Explain(ReadOnlySpan<double> features, int label, int top)
    {
        var contributions = new double[features.Length];
        Model.Contributions(features, label, contributions);
        var order = new int[contributions.Length];
        for (var j = 0; j < order.Length; j++)
        {
            order[j] = j;
        }

        // Strongest first; ties by feature index so explanations are stable.
        Array.Sort(order, (a, b) => contributions[b] != contributions[a] ? contributions[b].CompareTo(contributions[a]) : a.CompareTo(b));
        var result = new List<FeatureContribution>(top);
        foreach (var j in order)
        {
            if (result.Count == top || !(contributions[j] > 0))
            {
                break;
            }

            result.Add(new FeatureContribution(Featurizer.FeatureNames[j], contributions[j]));
        }

        return [.. result];
    }
}
