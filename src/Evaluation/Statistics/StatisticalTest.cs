namespace HybridAI.Evaluation.Statistics;

/// <summary>Which test produced a p-value.</summary>
public enum StatisticalTest
{
    /// <summary>McNemar's test, exact binomial on the discordant pairs (used when they number fewer than 25).</summary>
    McNemarExact,

    /// <summary>McNemar's chi-square test with Edwards' continuity correction (25 discordant pairs or more).</summary>
    McNemarChiSquare,

    /// <summary>Wilcoxon signed-rank test, exact permutation distribution of the signed ranks (up to 50 non-zero differences).</summary>
    WilcoxonExact,

    /// <summary>Wilcoxon signed-rank test, normal approximation with tie correction and continuity correction.</summary>
    WilcoxonNormal,
}
