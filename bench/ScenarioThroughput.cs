using HybridAI.Scenarios.TicketTriage;

namespace HybridAI.Benchmarks;

/// <summary>Scenario 01 over its whole data set (train + golden tickets): items/s and per-step p50/p95.</summary>
internal static class ScenarioThroughput
{
    public static async Task RunAsync()
    {
        var data = ScenarioData.Locate();
        var all = Path.Combine(Path.GetTempPath(), "hybridai-bench-all-tickets.jsonl");
        await File.WriteAllLinesAsync(all,
            File.ReadLines(Path.Combine(data, "tickets.train.jsonl")).Concat(File.ReadLines(Path.Combine(data, "tickets.golden.jsonl")))).ConfigureAwait(false);
        var work = Directory.CreateTempSubdirectory("hybridai-bench-scenario-").FullName;
        try
        {
            // One warm-up pass (JIT, SQLite caches), then the measured pass.
            await TicketTriageScenario.RunAsync(new TicketTriageRun { InputPath = all, WorkDirectory = work }).ConfigureAwait(false);
            var report = await TicketTriageScenario.RunAsync(new TicketTriageRun { InputPath = all, WorkDirectory = work }).ConfigureAwait(false);
            Console.WriteLine($"scenario 01: {report.Tickets} tickets in {report.Elapsed.TotalSeconds:F2} s = {report.ItemsPerSecond:F0} tickets/s (parallelism {Environment.ProcessorCount}); auto {report.AutoReplied}, review {report.RoutedToReview}, failed {report.Failures.Count}");
            foreach (var s in report.StepLatencies)
            {
                Console.WriteLine($"  {s.Step,-18} p50 {s.P50.TotalMicroseconds,10:F1} µs   p95 {s.P95.TotalMicroseconds,10:F1} µs");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            File.Delete(all);
        }
    }
}
