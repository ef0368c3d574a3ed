using System.Diagnostics;
using HybridAI.Governance.Audit;
using HybridAI.Orchestrator;

namespace HybridAI.Benchmarks;

/// <summary>
/// Sustained write rate of each audit backend, in one run: N events enqueued as fast as possible, then flushed
/// (SQLite WAL commit per batch; JSONL write + fsync per batch; PostgreSQL binary COPY + head update per batch).
/// PostgreSQL runs when HYBRIDAI_POSTGRES_CONNECTION is set, in a scratch schema dropped afterwards.
/// </summary>
internal static class AuditSinkThroughput
{
    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("hybridai-audit-").FullName;
        try
        {
            await MeasureAsync("sqlite", 500_000, () => Task.FromResult<IAuditLog>(new SqliteAuditLog(Path.Combine(folder, "audit.db")))).ConfigureAwait(false);
            await MeasureAsync("jsonl", 500_000, () => Task.FromResult<IAuditLog>(new JsonlAuditLog(Path.Combine(folder, "audit.jsonl")))).ConfigureAwait(false);
            var connection = Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION");
            if (string.IsNullOrWhiteSpace(connection))
            {
                Console.WriteLine("audit sink postgres: skipped (HYBRIDAI_POSTGRES_CONNECTION is not set)");
                return;
            }
            var schema = $"audit_bench_{Environment.ProcessId}";
            try
            {
                await MeasureAsync("postgres", 200_000, async () => await PostgresAuditLog.OpenAsync(connection, schema).ConfigureAwait(false)).ConfigureAwait(false);
            }
            finally
            {
                await using var source = Npgsql.NpgsqlDataSource.Create(connection);
                await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string backend, int events, Func<Task<IAuditLog>> open)
    {
        await using var log = await open().ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        string[] steps = ["a", "b", "c", "d"];
        var runId = "";
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            await log.WriteAsync(new AuditEvent
            {
                Timestamp = now,
                // A fresh time-ordered id per 4-step run, as the engine makes them (GUID v7).
                RunId = i % 4 == 0 ? runId = Guid.CreateVersion7().ToString() : runId,
                Workflow = "bench",
                WorkflowVersion = "1.0",
                Step = steps[i % 4],
                StepIndex = i % 4,
                Kind = StepKind.Transform,
                EventType = AuditEventType.StepCompleted,
                Outcome = "ok",
                Duration = TimeSpan.FromTicks(10),
            }).ConfigureAwait(false);
        }

        await log.FlushAsync().ConfigureAwait(false);
        sw.Stop();
        var check = await log.VerifyAsync().ConfigureAwait(false);
        Console.WriteLine($"audit sink {backend}: {events:N0} events in {sw.Elapsed.TotalSeconds:F2} s = {events / sw.Elapsed.TotalSeconds:N0} events/s sustained (batched, {SqliteAuditLog.DefaultBatchSize} per batch); chain {(check.IsValid ? "verified" : "BROKEN")} ({check.RowCount:N0} records)");
    }
}
