namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// Operational figures from step records: latency p50/p95/p99 per step and per run, tokens in and out, cost from a
/// price table, failure and retry rates, and the share of runs routed to human review. Percentiles interpolate
/// linearly between the two nearest ranks.
/// </summary>
/// <example>
/// <code>
/// var prices = new Dictionary&lt;string, ModelPrice&gt; { ["gpt-4o-mini"] = new(0.15m, 0.60m) };
/// OperationalReport ops = new OperationalEvaluator(prices).Evaluate(records);
/// foreach (StepStatistics s in ops.Steps) Console.WriteLine($"{s.Step}: p95 {s.P95.TotalMilliseconds:F0} ms, {s.Cost:F4} $");
/// Console.WriteLine($"per run {ops.CostPerRun:F4} $, human review {ops.HumanReviewRate:P0}");
/// </code>
/// </example>
public sealed class OperationalEvaluator
{
    private readonly Dictionary<string, ModelPrice> _prices;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="prices">Price per model name (ordinal, case-insensitive); none when null, then no step may bill tokens to a model.</param>
    /// <exception cref="ArgumentException">A price is null or negative; the message names the model.</exception>
    public OperationalEvaluator(IReadOnlyDictionary<string, ModelPrice>? prices = null)
    {
        _prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach ((string model, ModelPrice price) in prices ?? new Dictionary<string, ModelPrice>())
        {
            if (price is null || price.InputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                throw new ArgumentException($"The price of model '{model}' is missing or negative.", nameof(prices));
            }

            _prices[model] = price;
        }
    }

    /// <summary>Computes the figures.</summary>
    /// <param name="records">Every step of every run.</param>
    /// <exception cref="ArgumentException">There are no records, or a record is malformed or bills a model with no price; the message gives its index.</exception>
    public OperationalReport Evaluate(IReadOnlyList<StepRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            throw new ArgumentException("There are no step records.", nameof(records));
        }

        var costs = new decimal[records.Count];
        var steps = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var stepOrder = new List<string>();
        var runs = new Dictionary<string, (TimeSpan Time, decimal Cost, bool Failed, bool Human)>(StringComparer.Ordinal);
        for (int i = 0; i < records.Count; i++)
        {
            StepRecord r = Validate(records, i);
            costs[i] = Cost(records, i);
            if (!steps.TryGetValue(r.Step, out List<int>? members))
            {
                steps[r.Step] = members = [];
                stepOrder.Add(r.Step);
            }

            members.Add(i);
            var run = runs.GetValueOrDefault(r.RunId);
            runs[r.RunId] = (run.Time + r.Duration, run.Cost + costs[i], run.Failed || r.Failed, run.Human || r.RoutedToHuman);
        }

        List<StepStatistics> perStep = [.. stepOrder.Select(s => Statistics(s, steps[s], records, costs))];
        StepStatistics total = Statistics("*", [.. Enumerable.Range(0, records.Count)], records, costs);
        double[] runTimes = [.. runs.Values.Select(v => v.Time.TotalMilliseconds).Order()];
        return new OperationalReport(
            perStep,
            total,
            runs.Count,
            Milliseconds(Percentile(runTimes, 0.50)),
            Milliseconds(Percentile(runTimes, 0.95)),
            Milliseconds(Percentile(runTimes, 0.99)),
            runs.Values.Sum(v => v.Cost) / runs.Count,
            runs.Values.Count(v => v.Failed) / (double)runs.Count,
            runs.Values.Count(v => v.Human) / (double)runs.Count);
    }

    /// <summary>The <paramref name="q"/> quantile of sorted values, interpolating between the nearest ranks.</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static TimeSpan Milliseconds(double ms) => TimeSpan.FromTicks((long)Math.Round(ms * TimeSpan.TicksPerMillisecond));

    private static StepRecord Validate(IReadOnlyList<StepRecord> records, int i)
    {
        const string Name = nameof(records);
        StepRecord? record = records[i];
        if (record is null)
        {
            throw new ArgumentException($"records[{i}] is null.", Name);
        }

        if (string.IsNullOrWhiteSpace(record.RunId) || string.IsNullOrWhiteSpace(record.Step))
        {
            throw new ArgumentException($"records[{i}] has no run id or no step name.", Name);
        }

        if (record.Duration < TimeSpan.Zero || record.InputTokens < 0 || record.OutputTokens < 0 || record.Retries < 0)
        {
            throw new ArgumentException($"records[{i}] (step '{record.Step}') has a negative duration, token count or retry count.", Name);
        }

        return record;
    }

    private decimal Cost(IReadOnlyList<StepRecord> records, int i)
    {
        StepRecord r = records[i];
        if (r.InputTokens == 0 && r.OutputTokens == 0)
        {
            return 0;
        }

        if (r.Model is null)
        {
            throw new ArgumentException($"records[{i}] (step '{r.Step}') bills tokens but names no model.", nameof(records));
        }

        if (!_prices.TryGetValue(r.Model, out ModelPrice? price))
        {
            throw new ArgumentException($"records[{i}] (step '{r.Step}') bills model '{r.Model}', which has no price in the table.", nameof(records));
        }

        return ((r.InputTokens * price.InputPerMillion) + (r.OutputTokens * price.OutputPerMillion)) / 1_000_000m;
    }

    private static StepStatistics Statistics(string step, List<int> members, IReadOnlyList<StepRecord> records, decimal[] costs)
    {
        double[] times = [.. members.Select(i => records[i].Duration.TotalMilliseconds).Order()];
        return new StepStatistics(
            step,
            members.Count,
            Milliseconds(Percentile(times, 0.50)),
            Milliseconds(Percentile(times, 0.95)),
            Milliseconds(Percentile(times, 0.99)),
            members.Sum(i => records[i].InputTokens),
            members.Sum(i => records[i].OutputTokens),
            members.Sum(i => costs[i]),
            members.Count(i => records[i].Failed) / (double)members.Count,
            members.Count(i => records[i].Retries > 0) / (double)members.Count);
    }
}
