namespace HybridAI.Classifiers.Calibration;

/// <summary>How <see cref="TextClassifierTrainingOptions"/> calibrates a text classifier's probabilities.</summary>
public enum TextCalibration
{
    /// <summary>The learner's own probabilities.</summary>
    None = 0,

    /// <summary><see cref="TemperatureScaling"/> fitted on out-of-fold predictions (<see cref="CalibratedTextTrainer"/>).</summary>
    Temperature = 1,
}
