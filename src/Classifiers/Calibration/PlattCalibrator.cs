namespace HybridAI.Classifiers.Calibration;

/// <summary>
/// Platt scaling: calibrated = σ(A · logit(p) + B), with A and B fitted by Newton's method on
/// Platt's smoothed targets. Smooth and monotone; needs few rows.
/// </summary>
public sealed class PlattCalibrator : ProbabilityCalibrator
{
    internal const string KindName = "platt";
    private const double Clip = 1e-12;

    private PlattCalibrator(double a, double b)
    {
        A = a;
        B = b;
    }

    /// <summary>Slope on the raw log-odds.</summary>
    public double A { get; }

    /// <summary>Offset added to the scaled log-odds.</summary>
    public double B { get; }

    internal override string Kind => KindName;

    internal override double[] Parameters => [A, B];

    /// <summary>Fits A and B to predicted probabilities and whether each row was positive.</summary>
    /// <exception cref="ArgumentException">Lengths differ, no rows, or a probability outside [0, 1].</exception>
    public static PlattCalibrator Fit(IReadOnlyList<double> probabilities, IReadOnlyList<bool> positives)
    {
        CheckInputs(probabilities, positives);
        return FitLogits(probabilities.Select(Logit).ToArray(), positives);
    }

    /// <summary>Fits on raw log-odds scores directly (no clipping of confident scores).</summary>
    internal static PlattCalibrator FitLogits(double[] z, IReadOnlyList<bool> positives)
    {
        var n = z.Length;
        var positiveCount = positives.Count(p => p);
        var hi = (positiveCount + 1d) / (positiveCount + 2d);
        var lo = 1d / (n - positiveCount + 2d);
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = positives[i] ? hi : lo;
        }

        double a = 1, b = 0;
        var loss = Loss(z, t, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            // A tiny ridge keeps the Hessian invertible when every score saturates.
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (var i = 0; i < n; i++)
            {
                var p = Sigmoid((a * z[i]) + b);
                var r = p - t[i];
                var w = p * (1 - p);
                ga += r * z[i];
                gb += r;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }

            var det = (haa * hbb) - (hab * hab);
            if (!(Math.Abs(det) > 1e-300))
            {
                break;
            }

            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;

            // Newton on saturated scores can overshoot wildly: halve the step until the loss drops.
            var step = 1d;
            var improved = false;
            while (step > 1e-10)
            {
                var next = Loss(z, t, a - (step * da), b - (step * db));
                if (next < loss)
                {
                    a -= step * da;
                    b -= step * db;
                    improved = loss - next > 1e-12 * Math.Max(1, loss);
                    loss = next;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return new PlattCalibrator(a, b);
    }

    /// <inheritdoc />
    public override double Calibrate(double probability) => CalibrateLogit(Logit(probability));

    internal override double CalibrateLogit(double logit) => Sigmoid((A * logit) + B);

    /// <summary>Cross-entropy of σ(a·z + b) against the targets, via stable softplus terms.</summary>
    private static double Loss(double[] z, double[] t, double a, double b)
    {
        double total = 0;
        for (var i = 0; i < z.Length; i++)
        {
            var f = (a * z[i]) + b;
            total += ((1 - t[i]) * f) + Softplus(-f);
        }

        return total;
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    internal static PlattCalibrator FromParameters(double[] parameters) => parameters.Length == 2
        ? new PlattCalibrator(parameters[0], parameters[1])
        : throw new ModelFormatException($"A Platt calibrator needs 2 parameters but the file has {parameters.Length}.", "calibrator.parameters", null);

    private static double Logit(double p)
    {
        p = Math.Clamp(p, Clip, 1 - Clip);
        return Math.Log(p / (1 - p));
    }
}
