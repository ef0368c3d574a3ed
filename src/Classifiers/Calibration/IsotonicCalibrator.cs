namespace HybridAI.Classifiers.Calibration;

/// <summary>
/// Isotonic regression (pool adjacent violators): the best non-decreasing map from raw to observed
/// frequency, linear between the fitted points and flat beyond them. Flexible; wants a few hundred rows.
/// </summary>
public sealed class IsotonicCalibrator : ProbabilityCalibrator
{
    internal const string KindName = "isotonic";
    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicCalibrator(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    /// <summary>Raw probabilities of the fitted points, increasing.</summary>
    public IReadOnlyList<double> Inputs => _x;

    /// <summary>Calibrated probabilities of the fitted points, non-decreasing.</summary>
    public IReadOnlyList<double> Outputs => _y;

    internal override string Kind => KindName;

    internal override double[] Parameters
    {
        get
        {
            var all = new double[_x.Length * 2];
            _x.CopyTo(all, 0);
            _y.CopyTo(all, _x.Length);
            return all;
        }
    }

    /// <summary>Fits the map to predicted probabilities and whether each row was positive.</summary>
    /// <exception cref="ArgumentException">Lengths differ, no rows, or a probability outside [0, 1].</exception>
    public static IsotonicCalibrator Fit(IReadOnlyList<double> probabilities, IReadOnlyList<bool> positives)
    {
        CheckInputs(probabilities, positives);
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();

        // Blocks of (sum of targets, weight, lowest x, highest x); equal raw values always share a block.
        var sum = new List<double>();
        var weight = new List<double>();
        var low = new List<double>();
        var high = new List<double>();
        foreach (var i in order)
        {
            var x = probabilities[i];
            var y = positives[i] ? 1d : 0d;
            if (high.Count > 0 && high[^1] == x)
            {
                sum[^1] += y;
                weight[^1] += 1;
            }
            else
            {
                sum.Add(y);
                weight.Add(1);
                low.Add(x);
                high.Add(x);
            }

            while (sum.Count > 1 && sum[^2] / weight[^2] >= sum[^1] / weight[^1])
            {
                sum[^2] += sum[^1];
                weight[^2] += weight[^1];
                high[^2] = high[^1];
                sum.RemoveAt(sum.Count - 1);
                weight.RemoveAt(weight.Count - 1);
                low.RemoveAt(low.Count - 1);
                high.RemoveAt(high.Count - 1);
            }
        }

        var xs = new List<double>();
        var ys = new List<double>();
        for (var b = 0; b < sum.Count; b++)
        {
            var value = sum[b] / weight[b];
            xs.Add(low[b]);
            ys.Add(value);
            if (high[b] > low[b])
            {
                xs.Add(high[b]);
                ys.Add(value);
            }
        }

        return new IsotonicCalibrator([.. xs], [.. ys]);
    }

    /// <inheritdoc />
    public override double Calibrate(double probability)
    {
        if (double.IsNaN(probability))
        {
            return probability;
        }

        if (probability <= _x[0])
        {
            return _y[0];
        }

        if (probability >= _x[^1])
        {
            return _y[^1];
        }

        var hi = Array.BinarySearch(_x, probability);
        if (hi >= 0)
        {
            return _y[hi];
        }

        hi = ~hi;
        var lo = hi - 1;
        var share = (probability - _x[lo]) / (_x[hi] - _x[lo]);
        return _y[lo] + (share * (_y[hi] - _y[lo]));
    }

    internal static IsotonicCalibrator FromParameters(double[] parameters)
    {
        if (parameters.Length < 2 || parameters.Length % 2 != 0)
        {
            throw new ModelFormatException($"An isotonic calibrator needs an even number (at least 2) of parameters but the file has {parameters.Length}.", "calibrator.parameters", null);
        }

        var half = parameters.Length / 2;
        return new IsotonicCalibrator(parameters[..half], parameters[half..]);
    }
}
