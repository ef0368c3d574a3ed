namespace HybridAI.Classifiers.Validation;

/// <summary>How a model did on one held-out fold, scoring the probability of the positive label.</summary>
/// <param name="RocAuc">Area under the ROC curve.</param>
/// <param name="AveragePrecision">Area under the precision-recall curve (average precision).</param>
/// <param name="ExpectedCalibrationError">ECE over 10 equal-width bins.</param>
/// <param name="LogLoss">Mean negative log-probability of the true label.</param>
/// <param name="Accuracy">Share of rows whose most probable label was right.</param>
/// <param name="Count">Rows in the fold.</param>
public sealed record TabularFoldMetrics(double RocAuc, double AveragePrecision, double ExpectedCalibrationError, double LogLoss, double Accuracy, int Count);
