using System.Diagnostics;
using HybridAI.Governance.Audit;
using HybridAI.Orchestrator;

namespace HybridAI.Benchmarks;

/// <summary>Sustained write rate of the SQLite audit log: N events enqueued as fast as possible, then flushed to disk.</summary>
internal static class AuditSinkThroughput
{
    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("hybridai-audit-").FullName;
        try
        {
            const int events = 500_000;
            await using var log = new SqliteAuditLog(Path.Combine(folder, "audit.db"));
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
            Console.WriteLine($"audit sink: {events:N0} events in {sw.Elapsed.TotalSeconds:F2} s = {events / sw.Elapsed.TotalSeconds:N0} events/s sustained (enqueue + commit to SQLite WAL)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
