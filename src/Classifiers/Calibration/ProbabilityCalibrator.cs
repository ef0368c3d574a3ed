namespace HybridAI.Classifiers.Calibration;

/// <summary>
/// Maps a binary model's raw probability of the positive label to a calibrated one (among rows
/// given 0.3, about 30% are positive). Fit on out-of-fold predictions, never on the rows the model trained on.
/// </summary>
public abstract class ProbabilityCalibrator
{
    private protected ProbabilityCalibrator()
    {
    }

    /// <summary>The calibrated probability for a raw one.</summary>
    public abstract double Calibrate(double probability);

    /// <summary>
    /// The calibrated probability for a raw log-odds score. Models call this with their exact margin,
    /// so confident predictions keep their order instead of all rounding to probability 1.
    /// </summary>
    internal virtual double CalibrateLogit(double logit) => Calibrate(Sigmoid(logit));

    internal static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>The name written into model files.</summary>
    internal abstract string Kind { get; }

    /// <summary>The numbers that define the calibrator, for model files.</summary>
    internal abstract double[] Parameters { get; }

    internal static ProbabilityCalibrator FromParameters(string kind, double[] parameters) => kind switch
    {
        PlattCalibrator.KindName => PlattCalibrator.FromParameters(parameters),
        IsotonicCalibrator.KindName => IsotonicCalibrator.FromParameters(parameters),
        _ => throw new ModelFormatException($"Unknown calibrator kind '{kind}'.", "calibrator.kind", null),
    };

    internal static void CheckInputs(IReadOnlyList<double> probabilities, IReadOnlyList<bool> positives)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(positives);
        if (probabilities.Count != positives.Count)
        {
            throw new ArgumentException($"probabilities has {probabilities.Count} items but positives has {positives.Count}.", nameof(positives));
        }

        if (probabilities.Count == 0)
        {
            throw new ArgumentException("There are no predictions to calibrate on.", nameof(probabilities));
        }

        for (var i = 0; i < probabilities.Count; i++)
        {
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1))
            {
                throw new ArgumentException($"probabilities[{i}] is not in [0, 1].", nameof(probabilities));
            }
        }
    }
}
