using System.Text.Json;
using HybridAI.Governance.Masking;

namespace HybridAI.Governance.Tests.Masking;

/// <summary>
/// Regression guard: scenario 01's generator records every personal value it plants in its tickets; masking a
/// ticket must leave none of them in the text.
/// </summary>
public class ScenarioDataMaskingTests
{
    [Fact]
    public void Masking_every_scenario_ticket_leaves_none_of_its_planted_values()
    {
        var data = DataFolder();
        var tickets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { "tickets.train.jsonl", "tickets.golden.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(data, file)))
            {
                var r = JsonDocument.Parse(line).RootElement;
                tickets[r.GetProperty("id").GetString()!] = r.GetProperty("subject").GetString() + "\n" + r.GetProperty("body").GetString();
            }
        }

        var masker = PiiMasker.CreateDefault();
        var masked = tickets.ToDictionary(t => t.Key, t => masker.Mask(t.Value).Text, StringComparer.Ordinal);
        var leaks = new List<string>();
        var planted = 0;
        foreach (var line in File.ReadLines(Path.Combine(data, "planted-pii.jsonl")))
        {
            var r = JsonDocument.Parse(line).RootElement;
            planted++;
            if (masked[r.GetProperty("ticket_id").GetString()!].Contains(r.GetProperty("value").GetString()!, StringComparison.Ordinal))
            {
                // Name the ticket and type only: the value itself is personal data.
                leaks.Add(r.GetProperty("ticket_id").GetString() + " " + r.GetProperty("type").GetString());
            }
        }

        Assert.True(planted > 800, $"expected the scenario's planted values, found {planted}");
        Assert.True(leaks.Count == 0, $"{leaks.Count} planted values survive masking: {string.Join(", ", leaks.Take(20))}");
    }

    private static string DataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "scenarios", "01-ticket-triage", "data");
            }
        }

        throw new DirectoryNotFoundException("HybridAI.sln not found above " + AppContext.BaseDirectory);
    }
}
