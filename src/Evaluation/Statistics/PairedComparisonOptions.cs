namespace HybridAI.Evaluation.Statistics;

/// <summary>Settings of a <see cref="PairedComparison"/>.</summary>
public sealed class PairedComparisonOptions
{
    /// <summary>Two-sided significance level of the verdict; also sets the interval's level (1 − alpha). Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Power used for the minimum detectable effect. Default 0.8.</summary>
    public double Power { get; init; } = MinimumDetectableEffect.DefaultPower;

    /// <summary>Whether a higher value of the metric is better (accuracy, quality score) or worse (latency, cost). Default true.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Bootstrap resamples for the interval of the difference; at least 100. Default 10,000.</summary>
    public int Resamples { get; init; } = 10_000;

    /// <summary>Seed of the bootstrap, so a report can be reproduced. Default 0.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        PairedInput.RequireProbability(Alpha, nameof(Alpha), "Alpha");
        PairedInput.RequireProbability(Power, nameof(Power), "Power");
        ArgumentOutOfRangeException.ThrowIfLessThan(Resamples, 100, nameof(Resamples));
    }
}
