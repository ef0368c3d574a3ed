using System.Text.Json;
using HybridAI.Scenarios.TicketTriage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HybridAI.Scenarios.Tests.Workflow;

public sealed class TicketTriageScenarioTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-scenario-").FullName;

    [Fact]
    public async Task Golden_set_runs_end_to_end_and_beats_the_majority_baseline()
    {
        var results = Path.Combine(_work, "results.jsonl");
        var report = await TicketTriageScenario.RunAsync(new TicketTriageRun { WorkDirectory = _work, OutputPath = results, MaxParallelism = 2 });

        output.WriteLine($"category: accuracy {report.CategoryQuality!.Accuracy:P1}, macro-F1 {report.CategoryQuality.MacroF1:F3} vs majority baseline {report.CategoryQuality.BaselineMacroF1:F3}");
        output.WriteLine($"priority: accuracy {report.PriorityQuality!.Accuracy:P1}, macro-F1 {report.PriorityQuality.MacroF1:F3} vs majority baseline {report.PriorityQuality.BaselineMacroF1:F3}");
        output.WriteLine($"auto {report.AutoReplied}, review {report.RoutedToReview}, failed {report.Failures.Count}");
        output.WriteLine($"retrieval {report.Retrieval.Mode} ({report.Retrieval.Embedder}){(report.Retrieval.Notice is null ? "" : ": " + report.Retrieval.Notice)}");
        Assert.Equal(HybridAI.Abstractions.Retrieval.SearchMode.Hybrid, report.Retrieval.Mode);

        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        Assert.Equal(data.Golden.Count, report.Tickets);
        Assert.Empty(report.Failures);
        Assert.Equal(report.Tickets, report.AutoReplied + report.RoutedToReview);
        Assert.True(report.AutoReplied > 0, "some tickets are answered automatically");
        Assert.True(report.RoutedToReview > 0, "urgent or unsure tickets go to review");
        Assert.True(report.CategoryQuality.MacroF1 > report.CategoryQuality.BaselineMacroF1 + 0.3,
            $"category macro-F1 {report.CategoryQuality.MacroF1:F3} should clearly beat the baseline {report.CategoryQuality.BaselineMacroF1:F3}");
        Assert.True(report.PriorityQuality.MacroF1 > report.PriorityQuality.BaselineMacroF1);

        var lines = await File.ReadAllLinesAsync(results);
        Assert.Equal(report.Tickets, lines.Length);
        Assert.Equal(data.Golden.Select(t => t.Id), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        foreach (var line in lines)
        {
            var r = JsonDocument.Parse(line).RootElement;
            var route = r.GetProperty("route").GetString();
            Assert.Contains(route, new[] { "auto-reply", "review" });
            if (route == "auto-reply")
            {
                // An automatic reply is always grounded: every sentence cites a KB article.
                Assert.True(r.GetProperty("grounded").GetBoolean());
                Assert.Contains("[1]", r.GetProperty("reply").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Audit_records_every_step_and_none_of_the_planted_pii()
    {
        var results = Path.Combine(_work, "results.jsonl");
        var report = await TicketTriageScenario.RunAsync(new TicketTriageRun { WorkDirectory = _work, OutputPath = results });
        var planted = PlantedPii();
        Assert.NotEmpty(planted);

        var auditText = DumpAllText(Path.Combine(_work, "audit.db"));
        // The review file holds the checkpoints too (a suspended run and its review are one write).
        var reviewText = DumpAllText(Path.Combine(_work, "review.db"));
        var resultsText = await File.ReadAllTextAsync(results);
        foreach (var value in planted)
        {
            Assert.DoesNotContain(value, auditText, StringComparison.Ordinal);
            Assert.DoesNotContain(value, reviewText, StringComparison.Ordinal);
            Assert.DoesNotContain(value, resultsText, StringComparison.Ordinal);
        }

        // Every step of every run is in the audit log: 6 steps before the gate for each ticket.
        using var db = new SqliteConnection($"Data Source={Path.Combine(_work, "audit.db")};Mode=ReadOnly");
        db.Open();
        foreach (var step in new[] { "classify-category", "classify-priority", "retrieve-kb", "draft-reply", "decide-route", "human-review" })
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT COUNT(DISTINCT run_id) FROM audit_events WHERE step = $step";
            cmd.Parameters.AddWithValue("$step", step);
            Assert.Equal(report.Tickets, Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static List<string> PlantedPii()
    {
        var path = Path.Combine(ScenarioData.Locate(), "planted-pii.jsonl");
        return [.. File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("value").GetString()!)];
    }

    /// <summary>Every text value of every table, so a PII value anywhere in the file is found.</summary>
    private static string DumpAllText(string path)
    {
        var sb = new System.Text.StringBuilder();
        using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        db.Open();
        var tables = new List<string>();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                tables.Add(r.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    sb.Append(r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                }
            }
        }

        return sb.ToString();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }
}
