namespace HybridAI.Classifiers.Calibration;

/// <summary>
/// Temperature scaling for a multiclass model: calibrated = softmax(z / T) with one temperature T fitted by
/// minimising the log loss of held-out predictions. Dividing every logit by the same T keeps their order, so the
/// predicted label (and accuracy, macro-F1) never changes; only the confidence does. T &gt; 1 softens an
/// over-confident model, T &lt; 1 sharpens an under-confident one.
/// </summary>
/// <example>
/// <code>
/// double t = TemperatureScaling.Fit(heldOutLogits, heldOutLabels, labelCount: 8);
/// TextClassifier calibrated = model.WithTemperature(t);
/// </code>
/// </example>
public static class TemperatureScaling
{
    private const double MinTemperature = 1e-3;
    private const double MaxTemperature = 1e3;

    /// <summary>Fits T on row-major logits [N, K] (any per-row offset, e.g. log-probabilities) and each row's true label index.</summary>
    /// <exception cref="ArgumentException">Shapes disagree, there are no rows, a label index is out of range, or a logit is NaN.</exception>
    public static double Fit(IReadOnlyList<double> logits, IReadOnlyList<int> labels, int labelCount)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(labelCount, 2);
        if (labels.Count == 0 || logits.Count != labels.Count * labelCount)
        {
            throw new ArgumentException($"logits has {logits.Count} values but {labels.Count} rows of {labelCount} labels need {labels.Count * labelCount} (and at least one row).", nameof(logits));
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)labelCount)
            {
                throw new ArgumentException($"labels[{i}] is {labels[i]}, outside [0, {labelCount}).", nameof(labels));
            }
        }

        for (var i = 0; i < logits.Count; i++)
        {
            if (double.IsNaN(logits[i]))
            {
                throw new ArgumentException($"logits[{i}] is NaN.", nameof(logits));
            }
        }

        // Newton on β = 1/T: the log loss is convex in β (gradient E_p[z] − z_y, curvature Var_p[z]).
        var beta = 1d;
        var loss = Loss(logits, labels, labelCount, beta);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var (gradient, curvature) = Derivatives(logits, labels, labelCount, beta);
            if (!(curvature > 1e-12))
            {
                break;
            }

            var step = gradient / curvature;
            var improved = false;
            for (var shrink = 1d; shrink > 1e-10; shrink /= 2)
            {
                var next = Math.Clamp(beta - (shrink * step), 1 / MaxTemperature, 1 / MinTemperature);
                var nextLoss = Loss(logits, labels, labelCount, next);
                if (nextLoss < loss)
                {
                    improved = loss - nextLoss > 1e-12 * Math.Max(1, loss);
                    beta = next;
                    loss = nextLoss;
                    break;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return 1 / beta;
    }

    /// <summary>Divides logits by <paramref name="temperature"/> in place (before a softmax).</summary>
    internal static void Apply(Span<double> logits, double temperature)
    {
        if (temperature == 1)
        {
            return;
        }

        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] /= temperature;
        }
    }

    internal static bool IsValid(double temperature) => double.IsFinite(temperature) && temperature >= MinTemperature && temperature <= MaxTemperature;

    private static double Loss(IReadOnlyList<double> z, IReadOnlyList<int> labels, int k, double beta)
    {
        double total = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                max = Math.Max(max, beta * z[(i * k) + c]);
            }

            double sum = 0;
            for (var c = 0; c < k; c++)
            {
                sum += Math.Exp((beta * z[(i * k) + c]) - max);
            }

            total += max + Math.Log(sum) - (beta * z[(i * k) + labels[i]]);
        }

        return total;
    }

    private static (double Gradient, double Curvature) Derivatives(IReadOnlyList<double> z, IReadOnlyList<int> labels, int k, double beta)
    {
        double gradient = 0, curvature = 0;
        Span<double> p = k <= 256 ? stackalloc double[k] : new double[k];
        for (var i = 0; i < labels.Count; i++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                max = Math.Max(max, beta * z[(i * k) + c]);
            }

            double sum = 0;
            for (var c = 0; c < k; c++)
            {
                p[c] = Math.Exp((beta * z[(i * k) + c]) - max);
                sum += p[c];
            }

            double mean = 0, square = 0;
            for (var c = 0; c < k; c++)
            {
                var zc = z[(i * k) + c];
                p[c] /= sum;
                mean += p[c] * zc;
                square += p[c] * zc * zc;
            }

            gradient += mean - z[(i * k) + labels[i]];
            curvature += square - (mean * mean);
        }

        return (gradient, curvature);
    }
}
