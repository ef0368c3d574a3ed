namespace HybridAI.Classifiers.Calibration;

/// <summary>Which calibrator <see cref="CalibratedTrainer"/> fits.</summary>
public enum CalibrationMethod
{
    /// <summary><see cref="PlattCalibrator"/>: a sigmoid on the log-odds.</summary>
    Platt = 0,

    /// <summary><see cref="IsotonicCalibrator"/>: a monotone step-and-ramp map.</summary>
    Isotonic = 1,
}
