using System.Text.Json;

namespace HybridAI.Classifiers.Tests.Onnx;

/// <summary>Scenario 01's support tickets (body → category): 424 for training, 106 golden ones.</summary>
internal static class ScenarioTickets
{
    public static (string Text, string Label)[] Train => Read("tickets.train.jsonl");

    public static (string Text, string Label)[] Golden => Read("tickets.golden.jsonl");

    private static (string Text, string Label)[] Read(string file)
    {
        var path = Path.Combine(Folder(), file);
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return (json.RootElement.GetProperty("body").GetString()!, json.RootElement.GetProperty("category").GetString()!);
        })];
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "scenarios", "01-ticket-triage", "data");
            }
        }

        throw new DirectoryNotFoundException("HybridAI.sln not found above the test binaries.");
    }
}
