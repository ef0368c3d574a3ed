namespace HybridAI.Evaluation.Evaluators;

/// <summary>Operational figures of one step over a set of runs (or of all steps together).</summary>
/// <param name="Step">The step's name (<c>*</c> for all steps together).</param>
/// <param name="Count">How many step records.</param>
/// <param name="P50">Median duration.</param>
/// <param name="P95">95th percentile duration.</param>
/// <param name="P99">99th percentile duration.</param>
/// <param name="InputTokens">Input tokens in total.</param>
/// <param name="OutputTokens">Output tokens in total.</param>
/// <param name="Cost">Cost in the price table's currency.</param>
/// <param name="FailureRate">Share of records that failed.</param>
/// <param name="RetryRate">Share of records that needed at least one retry.</param>
public sealed record StepStatistics(
    string Step,
    int Count,
    TimeSpan P50,
    TimeSpan P95,
    TimeSpan P99,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    double FailureRate,
    double RetryRate);
