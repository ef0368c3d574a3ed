using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridAI.Abstractions.Retrieval;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Index;

/// <summary>
/// <c>hybridai search "QUERY" --store DIR [--k 5] [--mode keyword|vector|hybrid] [--filter key=value]... [--version N] [--json]</c>:
/// one line per hit (rank, score, source, chunk id, a one-line snippet), or with <c>--json</c> one JSON object per
/// line with the whole chunk text and metadata.
/// </summary>
internal static class SearchCommand
{
    public const int SnippetLength = 100;

    public static Command Create(IAnsiConsole console)
    {
        var query = new Argument<string>("query") { Description = "What to search for, in your words." };
        var store = IndexCommand.StoreOption();
        var k = new Option<int>("--k") { Description = "How many hits.", DefaultValueFactory = _ => 5 };
        var mode = new Option<string>("--mode") { Description = "keyword (BM25), vector (embeddings) or hybrid (both, fused).", DefaultValueFactory = _ => "hybrid" };
        var filter = new Option<string[]>("--filter") { Description = "Only documents whose metadata has key=value; repeat for several (all must hold)." };
        var version = new Option<long?>("--version") { Description = "Search the store as it was at this version." };
        var json = new Option<bool>("--json") { Description = "One JSON object per hit and line." };
        var command = new Command("search", "Search a store made with 'hybridai index add'.") { query, store, k, mode, filter, version, json };
        command.SetAction((parse, ct) => StoreErrors.RunAsync(console, async () =>
        {
            var search = new SearchQuery(parse.GetRequiredValue(query))
            {
                Top = parse.GetValue(k) is >= 1 and var top ? top : throw new ArgumentException("--k must be at least 1."),
                Mode = Mode(parse.GetRequiredValue(mode)),
                Filter = Filter(parse.GetValue(filter) ?? []),
                Version = parse.GetValue(version),
            };
            await using var opened = await StoreErrors.OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            if (search.Version is long v && (v < 0 || v > opened.Index.CurrentVersion))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--version {v} is not in this store: its versions are 0 to {opened.Index.CurrentVersion}."));
            }

            var hits = await opened.Index.SearchAsync(search, ct).ConfigureAwait(false);
            var o = console.Profile.Out.Writer;
            for (int i = 0; i < hits.Count; i++)
            {
                o.WriteLine(parse.GetValue(json) ? Json(i + 1, hits[i]) : string.Create(CultureInfo.InvariantCulture,
                    $"{i + 1}. {hits[i].Score:F4}  {hits[i].Source}  {hits[i].ChunkId}  {Snippet(hits[i].Text)}"));
            }

            if (hits.Count == 0 && !parse.GetValue(json))
            {
                o.WriteLine("no hits");
            }

            return 0;
        }));
        return command;
    }

    internal static SearchMode Mode(string mode) => mode.Trim().ToLowerInvariant() switch
    {
        "keyword" => SearchMode.Keyword,
        "vector" => SearchMode.Vector,
        "hybrid" => SearchMode.Hybrid,
        _ => throw new ArgumentException($"--mode '{mode}': use keyword, vector or hybrid."),
    };

    internal static Dictionary<string, string>? Filter(string[] pairs)
    {
        if (pairs.Length == 0)
        {
            return null;
        }

        var filter = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in pairs)
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || pair[..equals].Trim().Length == 0)
            {
                throw new ArgumentException($"--filter '{pair}': expected key=value, e.g. --filter lang=fr.");
            }

            string key = pair[..equals].Trim();
            if (key.Contains('"', StringComparison.Ordinal))
            {
                throw new ArgumentException($"--filter '{pair}': a key cannot contain a double quote.");
            }

            string value = pair[(equals + 1)..];
            if (filter.TryGetValue(key, out string? earlier) && earlier != value)
            {
                throw new ArgumentException($"--filter {key}: given twice with different values; a document has one value per key.");
            }

            filter[key] = value;
        }

        return filter;
    }

    /// <summary>The text on one line: whitespace runs become one space, cut to about <see cref="SnippetLength"/> characters.</summary>
    internal static string Snippet(string text)
    {
        var line = new StringBuilder(SnippetLength + 1);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = line.Length > 0;
                continue;
            }

            if (line.Length >= SnippetLength)
            {
                return line.Append('…').ToString();
            }

            if (space)
            {
                line.Append(' ');
                space = false;
            }

            line.Append(c);
        }

        return line.ToString();
    }

    private static string Json(int rank, SearchHit hit)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("rank", rank);
            w.WriteNumber("score", hit.Score);
            w.WriteString("chunkId", hit.ChunkId);
            w.WriteString("documentId", hit.DocumentId);
            w.WriteString("source", hit.Source);
            w.WriteString("text", hit.Text);
            w.WriteStartObject("metadata");
            foreach (var (key, value) in hit.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
