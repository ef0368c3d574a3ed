using HybridAI.Classifiers.Calibration;

namespace HybridAI.Classifiers;

public sealed partial class TextClassifier
{
    /// <summary>
    /// The temperature T of the calibrated probabilities softmax(z / T); 1 when the model is not calibrated. Set by
    /// training with <see cref="TextClassifierTrainingOptions.Calibration"/> and kept by <see cref="Save"/>.
    /// </summary>
    public double Temperature { get; private init; } = 1;

    /// <summary>
    /// The same model with its probabilities computed at <paramref name="temperature"/> (see <see cref="TemperatureScaling"/>).
    /// Labels and feature contributions are unchanged; only the probabilities move.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not a finite number in [0.001, 1000].</exception>
    public TextClassifier WithTemperature(double temperature)
    {
        if (!TemperatureScaling.IsValid(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "A temperature must be a finite number in [0.001, 1000].");
        }

        return new TextClassifier(Kind, Featurizer, _labels, _biases, _featureRows, _weights) { Temperature = temperature };
    }

    private void Calibrate(Span<double> logits) => TemperatureScaling.Apply(logits, Temperature);
}
