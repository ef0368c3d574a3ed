using System.Text.Json;
using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

/// <summary>
/// Scenario 01's knowledge base cut into paragraph chunks (as ingestion would) and its golden tickets, read from the
/// files copied next to the tests: the evidence and questions a real deployment would see, typos and all.
/// </summary>
internal static class ScenarioEvidence
{
    private static readonly Lazy<(IReadOnlyList<Chunk> Chunks, IReadOnlyList<Ticket> Tickets)> Data = new(Load);

    public static IReadOnlyList<Chunk> Chunks => Data.Value.Chunks;

    public static IReadOnlyList<Ticket> Tickets => Data.Value.Tickets;

    /// <summary>The chunks of the ticket's category: what a category-filtered retrieval hands the writer.</summary>
    public static IReadOnlyList<EvidencePassage> For(Ticket ticket) =>
        [.. Chunks.Where(c => c.Category == ticket.Category).Select(c => c.Passage)];

    private static (IReadOnlyList<Chunk>, IReadOnlyList<Ticket>) Load()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "ScenarioData");
        var chunks = new List<Chunk>();
        foreach (string file in Directory.GetFiles(Path.Combine(folder, "kb"), "*.md").Order(StringComparer.Ordinal))
        {
            string[] parts = File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n---\n", 2);
            string frontMatter = parts[0];
            string category = Field(frontMatter, "category");
            string title = Field(frontMatter, "title").Trim('"');
            string id = Field(frontMatter, "id");
            string[] paragraphs = parts[1].Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (int i = 0; i < paragraphs.Length; i++)
            {
                if (!paragraphs[i].StartsWith('#'))
                {
                    chunks.Add(new Chunk(category, new EvidencePassage($"{id}#{i}", title, paragraphs[i])));
                }
            }
        }

        var tickets = new List<Ticket>();
        foreach (string line in File.ReadLines(Path.Combine(folder, "tickets.golden.jsonl")))
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            tickets.Add(new Ticket(root.GetProperty("id").GetString()!, root.GetProperty("subject").GetString() + "\n" + root.GetProperty("body").GetString(),
                root.GetProperty("category").GetString()!, root.GetProperty("language").GetString()!));
        }

        return (chunks, tickets);
    }

    private static string Field(string frontMatter, string name)
    {
        foreach (string line in frontMatter.Split('\n'))
        {
            if (line.StartsWith(name + ":", StringComparison.Ordinal))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        throw new InvalidDataException($"front matter has no '{name}'");
    }

    public sealed record Chunk(string Category, EvidencePassage Passage);

    public sealed record Ticket(string Id, string Text, string Category, string Language);
}
