using System.Globalization;
using System.Text.Json;
using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands.Index;

public sealed class IndexCommandTests : IDisposable
{
    private readonly KnowledgeFolder _kb = new();
    private readonly CliConsole _cli = new();

    private Task<int> Run(params string[] args) => _cli.RunAsync(args);

    private string[] Lines => _cli.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private long Stat(string name) =>
        long.Parse(Lines.Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..], CultureInfo.InvariantCulture);

    private async Task<List<JsonElement>> SearchJson(params string[] args)
    {
        Assert.Equal(0, await Run(["search", .. args, "--store", _kb.Store, "--json"]));
        return [.. Lines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    [Fact]
    public async Task A_folder_of_every_format_is_added_file_by_file_and_stats_count_it()
    {
        Assert.Equal(0, await Run("index", "add", _kb.Docs, "--store", _kb.Store));
        Assert.Contains("faq.csv: 2 documents, 2 chunks", Lines);
        Assert.Contains("tickets.jsonl: 3 documents, 3 chunks", Lines);
        Assert.Contains("shipping/delays.txt: 1 documents, 1 chunks", Lines);
        Assert.Contains("refunds.md: 1 documents, 1 chunks", Lines);
        Assert.DoesNotContain("notes.bin", _cli.Output, StringComparison.Ordinal);
        string total = Lines.Single(l => l.StartsWith("total: ", StringComparison.Ordinal));
        Assert.StartsWith("total: 5 files, 8 documents, 8 chunks in ", total, StringComparison.Ordinal);
        Assert.Contains("chunks/s); version 1", total, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_kb.Store, "store.json")));

        Assert.Equal(0, await Run("index", "stats", "--store", _kb.Store));
        Assert.Equal(8, Stat("documents"));
        Assert.Equal(8, Stat("chunks"));
        Assert.Equal(1, Stat("current_version"));
        Assert.Equal(1024, Stat("dimensions"));
        Assert.Equal(8, Stat("vectors"));
        Assert.Equal(1, Stat("versions"));
        Assert.Contains("embedder: hash:1024", Lines);
        Assert.Contains("chunker: paragraph", Lines);
        Assert.Contains(Lines, l => l.StartsWith("file index.db: ", StringComparison.Ordinal) && !l.EndsWith(": 0 bytes", StringComparison.Ordinal));
        Assert.Contains(Lines, l => l.StartsWith("file index.db.vectors: ", StringComparison.Ordinal));
        // The whole folder is one batch, so one version.
        Assert.Matches(@"^1  \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  upsert  8 documents$", Lines[^1]);
    }

    [Theory]
    [InlineData("keyword")]
    [InlineData("vector")]
    [InlineData("hybrid")]
    public async Task Every_mode_finds_the_refund_documents_and_a_filter_keeps_only_matching_metadata(string mode)
    {
        Assert.Equal(0, await Run("index", "add", _kb.Docs, "--store", _kb.Store));

        var hits = await SearchJson("refund for a double charge", "--mode", mode, "--k", "3");
        Assert.InRange(hits.Count, 1, 3);
        Assert.Equal("refunds.md", hits[0].GetProperty("documentId").GetString());
        Assert.Equal([1, .. Enumerable.Range(2, hits.Count - 1)], hits.Select(h => h.GetProperty("rank").GetInt32()));

        var french = await SearchJson("charged twice remboursement", "--mode", mode, "--filter", "lang=fr", "--filter", "team=billing");
        Assert.Equal("t2", Assert.Single(french).GetProperty("documentId").GetString());
        Assert.Equal("fr", french[0].GetProperty("metadata").GetProperty("lang").GetString());
    }

    [Fact]
    public async Task Plain_output_has_rank_score_source_chunk_id_and_a_one_line_snippet()
    {
        string longText = "Line one of a long article.\n\n\tIt goes on " + string.Concat(Enumerable.Repeat("and on ", 40)) + "about refunds.";
        _kb.Write("long.txt", longText);
        Assert.Equal(0, await Run("index", "add", Path.Combine(_kb.Docs, "long.txt"), "--store", _kb.Store));
        Assert.Equal(0, await Run("search", "long article", "--store", _kb.Store, "--mode", "keyword"));
        string line = Assert.Single(Lines);
        Assert.Matches(@"^1\. \d+\.\d{4}  long\.txt  [0-9a-f]{32}  Line one of a long article\. It goes on and on ", line);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
        Assert.Equal(100, line[(line.IndexOf("Line one", StringComparison.Ordinal))..^1].Length);

        Assert.Equal(0, await Run("search", "zzzunknownword", "--store", _kb.Store, "--mode", "keyword"));
        Assert.Equal("no hits", Assert.Single(Lines));
    }

    [Fact]
    public async Task Re_adding_a_folder_replaces_its_documents_and_older_versions_stay_searchable()
    {
        Assert.Equal(0, await Run("index", "add", _kb.Docs, "--store", _kb.Store));
        _kb.Write("shipping/delays.txt", "Parcels are now delivered by drone within two days.\n");
        Assert.Equal(0, await Run("index", "add", _kb.Docs, "--store", _kb.Store));
        Assert.Equal(0, await Run("index", "stats", "--store", _kb.Store));
        Assert.Equal(8, Stat("documents"));
        Assert.Equal(2, Stat("current_version"));

        var now = await SearchJson("tracking number drone", "--mode", "keyword");
        Assert.Contains("drone", Assert.Single(now).GetProperty("text").GetString(), StringComparison.Ordinal);
        var before = await SearchJson("tracking number", "--mode", "keyword", "--version", "1");
        Assert.Contains("tracking number", Assert.Single(before).GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_a_document_and_rollback_brings_it_back()
    {
        Assert.Equal(0, await Run("index", "add", _kb.Docs, "--store", _kb.Store));
        Assert.Equal(0, await Run("index", "delete", "shipping/delays.txt", "--store", _kb.Store));
        Assert.Equal("deleted shipping/delays.txt; version 2", Assert.Single(Lines));
        Assert.Empty(await SearchJson("tracking number parcel", "--mode", "keyword"));

        Assert.Equal(HybridAICommand.InputError, await Run("index", "delete", "shipping/delays.txt", "--store", _kb.Store));
        Assert.Contains("no document 'shipping/delays.txt'", _cli.Flat, StringComparison.Ordinal);

        Assert.Equal(0, await Run("index", "rollback", "1", "--store", _kb.Store));
        Assert.Equal("rolled back to version 1; new version 3", Assert.Single(Lines));
        Assert.Equal("shipping/delays.txt", Assert.Single(await SearchJson("tracking number parcel", "--mode", "keyword")).GetProperty("documentId").GetString());

        Assert.Equal(HybridAICommand.InputError, await Run("index", "rollback", "42", "--store", _kb.Store));
        Assert.Contains("version 42 is not in this store: its versions are 0 to 3", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_remembers_its_embedder_and_chunker_so_later_commands_need_no_flags()
    {
        Assert.Equal(0, await Run("index", "add", Path.Combine(_kb.Docs, "tickets.jsonl"), "--store", _kb.Store, "--embedder", "hash:256", "--chunker", "tokens"));
        Assert.Equal(0, await Run("index", "add", Path.Combine(_kb.Docs, "refunds.md"), "--store", _kb.Store));
        Assert.Contains("(embedder hash:256, 256 dimensions, chunker tokens)", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("refunds.md: 1 documents, 1 chunks", Lines);

        Assert.Equal(0, await Run("index", "stats", "--store", _kb.Store));
        Assert.Equal(256, Stat("dimensions"));
        Assert.Contains("embedder: hash:256", Lines);
        Assert.Contains("chunker: tokens", Lines);
        Assert.Equal("t1", (await SearchJson("charged twice", "--mode", "vector", "--k", "1"))[0].GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task Files_sharing_ids_are_committed_in_order_and_the_later_one_replaces_with_a_warning()
    {
        var folder = Path.Combine(_kb.Root, "dupes");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.jsonl"), "{\"id\":\"1\",\"text\":\"old answer about invoices\"}\n{\"id\":\"2\",\"text\":\"password reset\"}\n");
        File.WriteAllText(Path.Combine(folder, "b.jsonl"), "{\"id\":\"1\",\"text\":\"new answer about receipts\"}\n");
        Assert.Equal(0, await Run("index", "add", folder, "--store", _kb.Store));
        Assert.Contains("b.jsonl: 1 document id(s) also in an earlier file of this run (a.jsonl); the documents of b.jsonl replace them.", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("a.jsonl: 2 documents, 2 chunks", Lines);
        Assert.Contains("b.jsonl: 1 documents, 1 chunks", Lines);
        // One version cannot hold an id twice, so b.jsonl went into a second one.
        Assert.Contains(Lines, l => l.StartsWith("total: 2 files, 3 documents, 3 chunks", StringComparison.Ordinal) && l.EndsWith("version 2", StringComparison.Ordinal));

        Assert.Equal("new answer about receipts", Assert.Single(await SearchJson("answer", "--mode", "keyword")).GetProperty("text").GetString());
        Assert.Equal("old answer about invoices", Assert.Single(await SearchJson("answer", "--mode", "keyword", "--version", "1")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Jsonl_and_csv_records_can_name_their_id_and_text_fields()
    {
        var tickets = Path.Combine(Repository(), "samples", "scenarios", "01-ticket-triage", "data", "tickets.train.jsonl");
        Assert.Equal(0, await Run("index", "add", tickets, "--store", _kb.Store, "--text-field", "body"));
        Assert.Contains("tickets.train.jsonl: 424 documents, 424 chunks", Lines);
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", tickets, "--store", _kb.Store));
        Assert.Contains("tickets.train.jsonl(1): missing field 'text'", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scenario_knowledge_base_answers_a_double_charge_with_its_article()
    {
        var kb = Path.Combine(Repository(), "samples", "scenarios", "01-ticket-triage", "data", "kb");
        Assert.Equal(0, await Run("index", "add", kb, "--store", _kb.Store));
        Assert.StartsWith("total: 53 files, 53 documents, ", Lines[^1], StringComparison.Ordinal);
        foreach (string mode in new[] { "keyword", "vector", "hybrid" })
        {
            var top = (await SearchJson("I was charged twice, is it a duplicate payment?", "--mode", mode, "--k", "1"))[0];
            Assert.StartsWith("KB002-", top.GetProperty("documentId").GetString(), StringComparison.Ordinal);
        }
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("HybridAI.sln not found");
    }

    [WinkVectorsFact]
    public async Task The_glove_embedder_finds_a_refund_by_meaning()
    {
        Assert.Equal(0, await Run("index", "add", _kb.Docs, "--store", _kb.Store, "--embedder", "glove"));
        Assert.Equal(0, await Run("index", "stats", "--store", _kb.Store));
        Assert.Contains("embedder: glove", Lines);
        Assert.Equal(100, Stat("dimensions"));

        var hits = await SearchJson("getting my money back after paying twice", "--mode", "vector", "--k", "1");
        Assert.Contains(hits[0].GetProperty("documentId").GetString(), new[] { "refunds.md", "t1", "t2" });
    }

    public void Dispose()
    {
        _cli.Dispose();
        _kb.Dispose();
    }
}
