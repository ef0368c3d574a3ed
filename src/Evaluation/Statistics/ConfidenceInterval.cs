namespace HybridAI.Evaluation.Statistics;

/// <summary>A point estimate with the bounds of its confidence interval, at <see cref="Level"/> (e.g. 0.95).</summary>
/// <param name="Estimate">The observed value (e.g. the mean difference candidate − baseline).</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Level">The confidence level, between 0 and 1.</param>
public readonly record struct ConfidenceInterval(double Estimate, double Lower, double Upper, double Level)
{
    /// <summary>Whether the interval contains <paramref name="value"/> (bounds included).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Estimate:G4} [{Lower:G4}, {Upper:G4}] ({Level * 100:G3}%)");
}
