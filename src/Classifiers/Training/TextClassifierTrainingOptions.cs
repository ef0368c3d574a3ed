using HybridAI.Classifiers.Calibration;

namespace HybridAI.Classifiers;

/// <summary>Everything <see cref="TextClassifier.Train"/> needs to know; every part has a sensible default.</summary>
public sealed record TextClassifierTrainingOptions
{
    /// <summary>The learner.</summary>
    public TextClassifierAlgorithm Algorithm { get; init; } = TextClassifierAlgorithm.LogisticRegression;

    /// <summary>How texts become features.</summary>
    public TextFeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Used when <see cref="Algorithm"/> is <see cref="TextClassifierAlgorithm.LogisticRegression"/>.</summary>
    public LogisticRegressionOptions LogisticRegression { get; init; } = new();

    /// <summary>Used when <see cref="Algorithm"/> is <see cref="TextClassifierAlgorithm.NaiveBayes"/>.</summary>
    public NaiveBayesOptions NaiveBayes { get; init; } = new();

    /// <summary>
    /// Probability calibration. <see cref="TextCalibration.Temperature"/> fits one temperature on out-of-fold predictions
    /// (<see cref="CalibrationFolds"/> extra trainings) so that confidences match observed accuracy; labels do not change.
    /// </summary>
    public TextCalibration Calibration { get; init; } = TextCalibration.None;

    /// <summary>Folds of the out-of-fold predictions the calibration is fitted on (at least 2). Default 5.</summary>
    public int CalibrationFolds { get; init; } = 5;

    /// <summary>Seed of the calibration's fold assignment.</summary>
    public int CalibrationSeed { get; init; }

    /// <summary>The trainer these options describe.</summary>
    /// <exception cref="ArgumentException">An enum value is unknown or <see cref="CalibrationFolds"/> is below 2.</exception>
    public ITextClassifierTrainer CreateTrainer()
    {
        ITextClassifierTrainer trainer = Algorithm switch
        {
            TextClassifierAlgorithm.LogisticRegression => new LogisticRegressionTrainer(LogisticRegression, Featurizer),
            TextClassifierAlgorithm.NaiveBayes => new NaiveBayesTrainer(NaiveBayes, Featurizer),
            _ => throw new ArgumentException($"Algorithm {(int)Algorithm} is not a known value."),
        };
        return Calibration switch
        {
            TextCalibration.None => trainer,
            TextCalibration.Temperature => new CalibratedTextTrainer(trainer, CalibrationFolds, CalibrationSeed),
            _ => throw new ArgumentException($"Calibration {(int)Calibration} is not a known value."),
        };
    }
}
