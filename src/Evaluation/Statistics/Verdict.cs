namespace HybridAI.Evaluation.Statistics;

/// <summary>What an A/B comparison concludes about the candidate on one metric.</summary>
public enum Verdict
{
    /// <summary>The difference is not significant at the chosen alpha (which is not proof that there is none: see the minimum detectable effect).</summary>
    NoSignificantDifference,

    /// <summary>The candidate is significantly better (higher, or lower where lower is better).</summary>
    Better,

    /// <summary>The candidate is significantly worse.</summary>
    Worse,
}
