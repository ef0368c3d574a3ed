using System.Diagnostics;
using HybridAI.Governance.Review;
using HybridAI.Orchestrator;

namespace HybridAI.Benchmarks;

/// <summary>
/// Human-in-the-loop round trips per second: a run suspends at a gate (checkpoint + review in one transaction), a reviewer
/// decides (an atomic claim), the run resumes from its checkpoint. Against the plain SQLite checkpoint store (suspend and
/// resume, no queue) for the cost of the queue, and on PostgreSQL when HYBRIDAI_POSTGRES_CONNECTION is set.
/// </summary>
internal static class ReviewThroughput
{
    private sealed class Claim
    {
        public double Risk { get; set; }
        public string Reply { get; set; } = "";
        public bool Approved { get; set; }
    }

    private static readonly Workflow<Claim> Workflow = HybridAI.Orchestrator.Workflow.Create<Claim>("bench-claims", "1")
        .Transform("draft", c => c.Reply = "We will pay the claim.")
        .Gate("review", GateConditions.ScoreAbove<Claim>(c => c.Risk, 0.5), (c, d) => c.Approved = d.Approved,
            g => g.AllowRoles("lead").AllowEdits("Reply").RejectAfter(TimeSpan.FromDays(1)).ShowSummary(c => $"claim risk {c.Risk:F2}"))
        .Build();

    public static async Task RunAsync(string[] args)
    {
        var runs = BenchArgs.Int(args, "--runs", 2000);
        var folder = Directory.CreateTempSubdirectory("hybridai-review-").FullName;
        try
        {
            double plain;
            await using (var store = new SqliteCheckpointStore(Path.Combine(folder, "checkpoints.db")))
            {
                var runner = new WorkflowRunner(checkpoints: store);
                plain = await TimeAsync(runs, async () =>
                {
                    var r = await runner.RunAsync(Workflow, new Claim { Risk = 0.9 }).ConfigureAwait(false);
                    await runner.ResumeAsync(Workflow, r.RunId, new GateDecision(true, "u-1")).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            Console.WriteLine($"suspend + resume, SqliteCheckpointStore (no queue): {runs / plain:N0} runs/s");

            await using (var queue = new ReviewQueue(Path.Combine(folder, "reviews.db")))
            {
                var queued = await QueueRoundTripsAsync(queue, runs).ConfigureAwait(false);
                Console.WriteLine($"suspend + decide + resume, ReviewQueue on SQLite: {runs / queued:N0} runs/s ({queued / plain:F2}x the time of the plain store)");
            }

            if (Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION") is { Length: > 0 } pg)
            {
                var schema = "bench_" + Guid.NewGuid().ToString("N")[..8];
                await using var queue = ReviewQueue.OpenPostgres(pg, schema);
                try
                {
                    var n = Math.Min(runs, 500);
                    var seconds = await QueueRoundTripsAsync(queue, n).ConfigureAwait(false);
                    Console.WriteLine($"suspend + decide + resume, ReviewQueue on PostgreSQL (loopback): {n / seconds:N0} runs/s");
                }
                finally
                {
                    await using var source = Npgsql.NpgsqlDataSource.Create(pg);
                    await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
                    await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<double> QueueRoundTripsAsync(ReviewQueue queue, int runs)
    {
        var runner = new WorkflowRunner(checkpoints: queue.Checkpoints);
        var lead = new Reviewer("u-1", "lead");
        return TimeAsync(runs, async () =>
        {
            var r = await runner.RunAsync(Workflow, new Claim { Risk = 0.9 }).ConfigureAwait(false);
            await queue.DecideAsync(r.RunId, lead, approved: true).ConfigureAwait(false);
            await queue.ResumeAsync(runner, Workflow, r.RunId).ConfigureAwait(false);
        });
    }

    private static async Task<double> TimeAsync(int runs, Func<Task> roundTrip)
    {
        for (var i = 0; i < Math.Min(50, runs); i++)
            await roundTrip().ConfigureAwait(false); // warm up
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
            await roundTrip().ConfigureAwait(false);
        return sw.Elapsed.TotalSeconds;
    }
}
