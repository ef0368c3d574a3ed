using System.Globalization;
using System.Text;
using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands.Index;

/// <summary>Each bad input is a clear message naming the file (and line where known), exit code 2, and a store left as it was.</summary>
public sealed class IndexBadInputTests : IDisposable
{
    private readonly KnowledgeFolder _kb = new();
    private readonly CliConsole _cli = new();

    private Task<int> Run(params string[] args) => _cli.RunAsync(args);

    private string Db => Path.Combine(_kb.Store, "index.db");

    private string Vectors => Db + ".vectors";

    private async Task<long> Documents()
    {
        Assert.Equal(0, await Run("index", "stats", "--store", _kb.Store));
        string line = _cli.Output.Split('\n').Single(l => l.StartsWith("documents: ", StringComparison.Ordinal));
        return long.Parse(line["documents: ".Length..], CultureInfo.InvariantCulture);
    }

    private async Task AddTickets() => Assert.Equal(0, await Run("index", "add", Path.Combine(_kb.Docs, "tickets.jsonl"), "--store", _kb.Store));

    [Fact]
    public async Task A_binary_file_stops_the_run_by_name_and_the_files_before_it_stay_committed()
    {
        var folder = Path.Combine(_kb.Root, "mixed");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.txt"), "The first file is fine.");
        File.WriteAllBytes(Path.Combine(folder, "b.txt"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        File.WriteAllText(Path.Combine(folder, "c.txt"), "The third file is never reached.");

        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", folder, "--store", _kb.Store));
        // The PNG signature's two line feeds come before its first NUL byte.
        Assert.Contains("b.txt(3): the file holds NUL bytes, so it is binary", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("stopped at b.txt: nothing of it was written; the 1 file(s) added before it stay in the store (version 1)", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(1, await Documents());
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_named_with_its_line()
    {
        var latin1 = _kb.WriteBytes("latin1.txt", Encoding.Latin1.GetBytes("first line\nle café est fermé\n"));
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", latin1, "--store", _kb.Store));
        Assert.Contains("latin1.txt(2): the file is not valid UTF-8 text", _cli.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("caf", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_and_whitespace_only_files_are_skipped_with_a_warning()
    {
        var folder = Path.Combine(_kb.Root, "some-empty");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "empty.md"), "");
        File.WriteAllText(Path.Combine(folder, "blank.txt"), "\uFEFF \n\t\r\n");
        File.WriteAllText(Path.Combine(folder, "header-only.csv"), "id,text\n");
        File.WriteAllText(Path.Combine(folder, "real.txt"), "Something to find.");

        Assert.Equal(0, await Run("index", "add", folder, "--store", _kb.Store));
        Assert.Contains("skipped empty.md: empty", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("skipped blank.txt: empty", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("skipped header-only.csv: empty", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("total: 1 files, 1 documents", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(1, await Documents());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        await AddTickets();
        var big = _kb.Write("big.txt", string.Concat(Enumerable.Repeat("A line of a very large file.\n", 60_000)));
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", big, "--store", _kb.Store, "--max-file-mb", "1"));
        Assert.Contains("big.txt(1): the file is 1.7 MiB, over the 1 MiB limit for one file. A .txt or .md file is one document", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("split big.txt into smaller files (one per chapter or section) or raise --max-file-mb", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(3, await Documents());
    }

    [Fact]
    public async Task A_malformed_jsonl_line_rejects_the_whole_file_naming_file_and_line_without_quoting_it()
    {
        await AddTickets();
        var bad = _kb.Write("more.jsonl", "{\"id\":\"m1\",\"text\":\"fine\"}\n{\"id\":\"m2\",\"text\":\"call 06 12 34 56 78\n");
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", bad, "--store", _kb.Store));
        Assert.Contains("more.jsonl(2): invalid JSON", _cli.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(3, await Documents());
    }

    [Theory]
    [InlineData("search", "refund")]
    [InlineData("index", "stats")]
    [InlineData("index", "delete", "t1")]
    [InlineData("index", "rollback", "0")]
    public async Task A_store_that_does_not_exist_is_named_and_not_created(params string[] command)
    {
        var missing = Path.Combine(_kb.Root, "no-store-here");
        Assert.Equal(HybridAICommand.InputError, await Run([.. command, "--store", missing]));
        Assert.Contains($"no index at {missing}", _cli.Flat, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task Another_embedder_or_dimension_than_the_stores_is_refused_naming_both_and_the_store_is_untouched()
    {
        Assert.Equal(0, await Run("index", "add", Path.Combine(_kb.Docs, "tickets.jsonl"), "--store", _kb.Store, "--embedder", "hash:256"));
        byte[] manifest = await File.ReadAllBytesAsync(Path.Combine(_kb.Store, "store.json"));

        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", Path.Combine(_kb.Docs, "faq.csv"), "--store", _kb.Store, "--embedder", "hash:512"));
        Assert.Contains("was built with embedder hash:256 (256 dimensions); hash:512 was asked for", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", Path.Combine(_kb.Docs, "faq.csv"), "--store", _kb.Store, "--chunker", "tokens"));
        Assert.Contains("was built with chunker paragraph; tokens was asked for", _cli.Flat, StringComparison.Ordinal);

        Assert.Equal(manifest, await File.ReadAllBytesAsync(Path.Combine(_kb.Store, "store.json")));
        Assert.Equal(3, await Documents());
        Assert.Contains("current_version: 1", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_whose_dimension_differs_from_the_index_names_both_files()
    {
        await AddTickets();
        string path = Path.Combine(_kb.Store, "store.json");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("\"dimensions\": 1024", "\"dimensions\": 512", StringComparison.Ordinal));
        Assert.Equal(HybridAICommand.InputError, await Run("search", "charged", "--store", _kb.Store));
        Assert.Contains("store.json' says 512 dimensions but", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("index.db' holds 1024-dimensional vectors", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_over_the_database_is_a_clear_error_naming_it()
    {
        await AddTickets();
        await File.WriteAllBytesAsync(Db, Garbage((int)new FileInfo(Db).Length));
        foreach (string[] command in new[] { new[] { "search", "charged" }, ["index", "stats"], ["index", "add", Path.Combine(_kb.Docs, "faq.csv")] })
        {
            Assert.Equal(HybridAICommand.InputError, await Run([.. command, "--store", _kb.Store]));
            Assert.Contains($"The index file '{Db}' is not a readable index database", _cli.Flat, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Garbage_over_the_vector_file_is_a_clear_error_naming_it_and_the_file_is_left_as_found()
    {
        await AddTickets();
        byte[] garbage = Garbage((int)new FileInfo(Vectors).Length);
        await File.WriteAllBytesAsync(Vectors, garbage);
        Assert.Equal(HybridAICommand.InputError, await Run("search", "charged", "--store", _kb.Store, "--mode", "vector"));
        Assert.Contains($"The vector file '{Vectors}' is damaged: vector 0 of 3 is not one the index wrote", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(Vectors));

        await File.WriteAllBytesAsync(Vectors, garbage[..100]);
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", Path.Combine(_kb.Docs, "faq.csv"), "--store", _kb.Store));
        Assert.Contains($"The vector file '{Vectors}' holds 100 bytes; the index committed 3 vectors", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(100, new FileInfo(Vectors).Length);
    }

    [Theory]
    [InlineData("--mode", "fuzzy", "--mode 'fuzzy': use keyword, vector or hybrid.")]
    [InlineData("--filter", "lang", "--filter 'lang': expected key=value")]
    [InlineData("--filter", "=fr", "--filter '=fr': expected key=value")]
    [InlineData("--k", "0", "--k must be at least 1.")]
    [InlineData("--version", "9", "--version 9 is not in this store: its versions are 0 to 1.")]
    public async Task Bad_search_options_are_named(string option, string value, string message)
    {
        await AddTickets();
        Assert.Equal(HybridAICommand.InputError, await Run("search", "charged", "--store", _kb.Store, option, value));
        Assert.Contains(message, _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_embedder_a_missing_path_and_an_unsupported_file_are_named()
    {
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", _kb.Docs, "--store", _kb.Store, "--embedder", "bert"));
        Assert.Contains("Unknown embedder 'bert': use hash, hash:DIMENSIONS, glove or onnx:MODEL", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", Path.Combine(_kb.Docs, "nothing-here"), "--store", _kb.Store));
        Assert.Contains("nothing-here: no such file or folder.", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", Path.Combine(_kb.Docs, "notes.bin"), "--store", _kb.Store));
        Assert.Contains("notes.bin: not a file 'index add' reads", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", _kb.Docs, "--store", _kb.Store, "--embedder", "onnx:" + Path.Combine(_kb.Root, "no-model")));
        Assert.Contains("no-model", _cli.Flat, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_kb.Store));
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[Math.Max(length, 4096)];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    public void Dispose()
    {
        _cli.Dispose();
        _kb.Dispose();
    }
}
