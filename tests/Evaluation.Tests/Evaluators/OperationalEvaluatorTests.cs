using HybridAI.Evaluation.Evaluators;

namespace HybridAI.Evaluation.Tests.Evaluators;

public sealed class OperationalEvaluatorTests
{
    private static readonly Dictionary<string, ModelPrice> Prices = new() { ["small-llm"] = new ModelPrice(0.15m, 0.60m) };

    [Fact]
    public void Percentiles_interpolate_per_step_and_per_run()
    {
        var records = new List<StepRecord>();
        for (int i = 1; i <= 11; i++)
        {
            // classify: 10, 20 … 110 ms; generate: 100 ms each.
            records.Add(new StepRecord($"r{i}", "classify", TimeSpan.FromMilliseconds(10 * i)));
            records.Add(new StepRecord($"r{i}", "generate", TimeSpan.FromMilliseconds(100), "small-llm", 1000, 200));
        }

        OperationalReport report = new OperationalEvaluator(Prices).Evaluate(records);
        StepStatistics classify = report.Steps[0];

        Assert.Equal(["classify", "generate"], report.Steps.Select(s => s.Step));
        Assert.Equal(60, classify.P50.TotalMilliseconds, 6);
        // 0.95 · 10 = 9.5 → between 100 and 110 ms.
        Assert.Equal(105, classify.P95.TotalMilliseconds, 6);
        Assert.Equal(109, classify.P99.TotalMilliseconds, 6);
        Assert.Equal(160, report.RunP50.TotalMilliseconds, 6);
        Assert.Equal(11, report.Runs);
        Assert.Equal(22, report.Total.Count);
    }

    [Fact]
    public void Tokens_and_cost_come_from_the_price_table()
    {
        StepRecord[] records =
        [
            new("r1", "generate", TimeSpan.FromMilliseconds(900), "small-llm", 2_000_000, 500_000),
            new("r2", "generate", TimeSpan.FromMilliseconds(700), "SMALL-LLM", 1_000_000, 0),
            new("r2", "classify", TimeSpan.FromMilliseconds(5)),
        ];

        OperationalReport report = new OperationalEvaluator(Prices).Evaluate(records);

        // r1: 2 · 0.15 + 0.5 · 0.60 = 0.60; r2: 0.15.
        Assert.Equal(0.75m, report.Total.Cost);
        Assert.Equal(0.375m, report.CostPerRun);
        Assert.Equal(3_000_000, report.Total.InputTokens);
        Assert.Equal(500_000, report.Total.OutputTokens);
        Assert.Equal(0m, report.Steps.Single(s => s.Step == "classify").Cost);
    }

    [Fact]
    public void Failure_retry_and_human_review_rates_count_steps_and_runs()
    {
        StepRecord[] records =
        [
            new("r1", "classify", TimeSpan.FromMilliseconds(5), Retries: 2),
            new("r1", "gate", TimeSpan.FromMilliseconds(1), RoutedToHuman: true),
            new("r2", "classify", TimeSpan.FromMilliseconds(5), Failed: true, Retries: 3),
            new("r3", "classify", TimeSpan.FromMilliseconds(5)),
            new("r4", "classify", TimeSpan.FromMilliseconds(5)),
        ];

        OperationalReport report = new OperationalEvaluator().Evaluate(records);
        StepStatistics classify = report.Steps.Single(s => s.Step == "classify");

        Assert.Equal(0.25, classify.FailureRate);
        Assert.Equal(0.5, classify.RetryRate);
        Assert.Equal(0.25, report.FailedRunRate);
        Assert.Equal(0.25, report.HumanReviewRate);
        Dictionary<string, EvaluationScore> scores = report.ToScores().ToDictionary(s => s.Name);
        Assert.Equal(0.25, scores["human_review_rate"].Value);
        Assert.Equal(0.4, scores["retry_rate"].Value);
    }

    [Fact]
    public void Bad_records_and_unpriced_models_are_rejected_with_the_record_named()
    {
        var evaluator = new OperationalEvaluator(Prices);

        var unpriced = Assert.Throws<ArgumentException>(() => evaluator.Evaluate([new("r1", "generate", TimeSpan.FromMilliseconds(1), "big-llm", 10, 10)]));
        Assert.Contains("records[0]", unpriced.Message, StringComparison.Ordinal);
        Assert.Contains("'big-llm'", unpriced.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => evaluator.Evaluate([new("r1", "generate", TimeSpan.FromMilliseconds(1), null, 10)]));
        var negative = Assert.Throws<ArgumentException>(() => evaluator.Evaluate([new("r1", "a", TimeSpan.Zero), new("r1", "b", TimeSpan.FromMilliseconds(-1))]));
        Assert.Contains("records[1]", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => evaluator.Evaluate([]));
        Assert.Throws<ArgumentException>(() => new OperationalEvaluator(new Dictionary<string, ModelPrice> { ["m"] = new(-1, 0) }));
    }
}
