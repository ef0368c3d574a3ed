namespace HybridAI.Evaluation.Statistics;

/// <summary>The outcome of McNemar's test on paired right/wrong outcomes.</summary>
/// <param name="Items">How many paired items.</param>
/// <param name="BaselineOnly">Discordant pairs the baseline got right and the candidate wrong.</param>
/// <param name="CandidateOnly">Discordant pairs the candidate got right and the baseline wrong.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Test"><see cref="StatisticalTest.McNemarExact"/> or <see cref="StatisticalTest.McNemarChiSquare"/>.</param>
public sealed record McNemarResult(int Items, int BaselineOnly, int CandidateOnly, double PValue, StatisticalTest Test)
{
    /// <summary>Candidate accuracy − baseline accuracy, (CandidateOnly − BaselineOnly) / Items.</summary>
    public double DifferenceInProportions => (CandidateOnly - (double)BaselineOnly) / Items;

    /// <summary>
    /// Odds ratio of the discordant pairs, CandidateOnly / BaselineOnly: above 1 favours the candidate.
    /// Positive infinity when only the candidate wins discordant pairs; NaN when there are none.
    /// </summary>
    public double DiscordantOddsRatio => BaselineOnly == 0
        ? (CandidateOnly == 0 ? double.NaN : double.PositiveInfinity)
        : CandidateOnly / (double)BaselineOnly;

    /// <summary>The share of items on which the two variants disagree.</summary>
    public double DiscordantProportion => (BaselineOnly + CandidateOnly) / (double)Items;
}
