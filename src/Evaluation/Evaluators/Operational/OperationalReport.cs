namespace HybridAI.Evaluation.Evaluators;

/// <summary>Latency, tokens, cost, failures and human review over a set of runs.</summary>
/// <param name="Steps">Per step, in order of first appearance.</param>
/// <param name="Total">All step records together (step <c>*</c>); its percentiles are of per-step durations.</param>
/// <param name="Runs">How many distinct runs.</param>
/// <param name="RunP50">Median end-to-end run time (sum of its steps).</param>
/// <param name="RunP95">95th percentile run time.</param>
/// <param name="RunP99">99th percentile run time.</param>
/// <param name="CostPerRun">Mean cost of one run.</param>
/// <param name="FailedRunRate">Share of runs with at least one failed step.</param>
/// <param name="HumanReviewRate">Share of runs routed to human review.</param>
public sealed record OperationalReport(
    IReadOnlyList<StepStatistics> Steps,
    StepStatistics Total,
    int Runs,
    TimeSpan RunP50,
    TimeSpan RunP95,
    TimeSpan RunP99,
    decimal CostPerRun,
    double FailedRunRate,
    double HumanReviewRate)
{
    /// <summary>The headline figures as scores (latency in milliseconds), for a report next to the quality scores.</summary>
    public IReadOnlyList<EvaluationScore> ToScores() =>
    [
        new("latency_p50_ms", RunP50.TotalMilliseconds),
        new("latency_p95_ms", RunP95.TotalMilliseconds),
        new("latency_p99_ms", RunP99.TotalMilliseconds),
        new("tokens_in", Total.InputTokens),
        new("tokens_out", Total.OutputTokens),
        new("cost_per_run", (double)CostPerRun),
        new("failure_rate", FailedRunRate),
        new("retry_rate", Total.RetryRate),
        new("human_review_rate", HumanReviewRate),
    ];
}
