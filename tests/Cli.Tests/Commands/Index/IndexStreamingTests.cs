using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands.Index;

/// <summary>JSONL and CSV files stream into batches: no size limit for them, and a bad record keeps the batches before it.</summary>
public sealed class IndexStreamingTests : IDisposable
{
    private readonly KnowledgeFolder _kb = new();
    private readonly CliConsole _cli = new();

    private Task<int> Run(params string[] args) => _cli.RunAsync(args);

    private async Task<long> Documents()
    {
        Assert.Equal(0, await Run("index", "stats", "--store", _kb.Store));
        string line = _cli.Output.Split('\n').Single(l => l.StartsWith("documents: ", StringComparison.Ordinal));
        return long.Parse(line["documents: ".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Records "r1".."rN", each with a word of its own ("wordN") so a search can find exactly it.</summary>
    private string WriteJsonl(string name, int records, int badLine = 0)
    {
        var text = new StringBuilder();
        for (int i = 1; i <= records; i++)
        {
            if (i == badLine)
            {
                text.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"r{i}\",\"body\":\"no text field\"}}\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"r{i}\",\"text\":\"ticket word{i} about an order\"}}\n");
            }
        }

        return _kb.Write(name, text.ToString());
    }

    [Fact]
    public async Task A_jsonl_file_far_over_max_file_mb_streams_in_whole_and_counts_every_record()
    {
        const int Records = 200_000;
        string path = WriteJsonl("huge.jsonl", Records);
        Assert.True(new FileInfo(path).Length > 8L << 20);

        Assert.Equal(0, await Run("index", "add", path, "--store", _kb.Store, "--max-file-mb", "1", "--embedder", "hash:64"));

        Assert.Contains($"huge.jsonl: {Records} documents, {Records} chunks", _cli.Output, StringComparison.Ordinal);
        Assert.Contains($"total: 1 files, {Records} documents", _cli.Flat, StringComparison.Ordinal);
        // 2,000 documents a batch, one version each.
        Assert.Contains($"version {Records / 2_000}", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(Records, await Documents());
        Assert.Equal(0, await Run("search", "word199999", "--store", _kb.Store, "--mode", "keyword", "--k", "1", "--json"));
        Assert.Equal("r199999", JsonDocument.Parse(_cli.Output).RootElement.GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task A_csv_file_over_max_file_mb_is_accepted_while_a_txt_file_of_the_same_size_is_not()
    {
        var csv = new StringBuilder("id,text,lang\n");
        var txt = new StringBuilder();
        for (int i = 0; i < 40_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"c{i},\"Question {i}, with a comma\",en\n");
            txt.Append(CultureInfo.InvariantCulture, $"Question {i}, with a comma\n");
        }

        string csvPath = _kb.Write("big.csv", csv.ToString());
        string txtPath = _kb.Write("big.txt", txt.ToString());
        Assert.True(new FileInfo(csvPath).Length > 1L << 20 && new FileInfo(txtPath).Length > 1L << 20);

        Assert.Equal(0, await Run("index", "add", csvPath, "--store", _kb.Store, "--max-file-mb", "1"));
        Assert.Contains("big.csv: 40000 documents, 40000 chunks", _cli.Output, StringComparison.Ordinal);

        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", txtPath, "--store", _kb.Store, "--max-file-mb", "1"));
        Assert.Matches(@"big\.txt\(1\): the file is 1\.\d MiB, over the 1 MiB limit for one file\.", _cli.Flat);
        Assert.Contains("one document is held whole in memory because its chunks point into its text; split big.txt into smaller files", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("stopped at big.txt: nothing of it was written", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(40_000, await Documents());
    }

    [Fact]
    public async Task A_bad_record_in_the_middle_names_file_and_line_and_the_batches_before_it_stay_searchable()
    {
        Assert.Equal(0, await Run("index", "add", Path.Combine(_kb.Docs, "tickets.jsonl"), "--store", _kb.Store));
        string path = WriteJsonl("orders.jsonl", 5_000, badLine: 4_500);

        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", path, "--store", _kb.Store));

        // Batches of 2,000: records 1-4000 are committed; 4001-4499 were in the open batch and are not written.
        Assert.Contains($"{path}(4500): missing field 'text'", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("stopped at orders.jsonl: records 1–4000 of orders.jsonl are committed; fix line 4500 and re-add it (re-adding replaces by id)", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("(version 3)", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(3 + 4_000, await Documents());
        foreach (var (record, committed) in new[] { (1, true), (4_000, true), (4_001, false), (4_999, false) })
        {
            Assert.Equal(0, await Run("search", $"word{record}", "--store", _kb.Store, "--mode", "keyword", "--json"));
            var found = _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("documentId").GetString());
            Assert.Equal(committed, found.Contains($"r{record}"));
        }

        WriteJsonl("orders.jsonl", 5_000);
        Assert.Equal(0, await Run("index", "add", path, "--store", _kb.Store));
        Assert.Equal(3 + 5_000, await Documents());
    }

    [Fact]
    public async Task A_bad_record_in_a_file_that_fits_one_batch_leaves_the_earlier_files_of_the_batch_committed_and_none_of_it()
    {
        var folder = Path.Combine(_kb.Root, "two");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.jsonl"), "{\"id\":\"a1\",\"text\":\"first file\"}\n");
        File.WriteAllText(Path.Combine(folder, "b.jsonl"), "{\"id\":\"b1\",\"text\":\"second file\"}\n{\"id\":\"b2\"}\n");

        Assert.Equal(HybridAICommand.InputError, await Run("index", "add", folder, "--store", _kb.Store));

        Assert.Contains("b.jsonl(2): missing field 'text'", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("stopped at b.jsonl: nothing of it was written; the 1 file(s) added before it stay in the store (version 1)", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(1, await Documents());
    }

    [Fact]
    public async Task A_file_that_straddles_two_batches_is_counted_whole_once_its_last_batch_commits()
    {
        var folder = Path.Combine(_kb.Root, "straddle");
        Directory.CreateDirectory(folder);
        File.Move(WriteJsonl("a.jsonl", 1_500), Path.Combine(folder, "a.jsonl"));
        File.WriteAllText(Path.Combine(folder, "b.jsonl"), string.Concat(Enumerable.Range(1, 1_000).Select(i => $"{{\"id\":\"b{i}\",\"text\":\"second file {i}\"}}\n")));

        Assert.Equal(0, await Run("index", "add", folder, "--store", _kb.Store));

        // Batch 1: a's 1,500 and b's first 500; batch 2: b's last 500.
        Assert.Contains("a.jsonl: 1500 documents, 1500 chunks", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("b.jsonl: 1000 documents, 1000 chunks", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("total: 2 files, 2500 documents, 2500 chunks", _cli.Flat, StringComparison.Ordinal);
        Assert.EndsWith("version 2", _cli.Output.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(2_500, await Documents());
    }

    [Fact]
    public async Task A_repeated_id_within_a_streamed_file_is_a_warning_and_the_later_record_wins()
    {
        string path = _kb.Write("dup.jsonl", "{\"id\":\"x\",\"text\":\"old wording\"}\n{\"id\":\"y\",\"text\":\"other\"}\n{\"id\":\"x\",\"text\":\"new wording\"}\n");

        Assert.Equal(0, await Run("index", "add", path, "--store", _kb.Store));

        Assert.Contains("dup.jsonl: 1 record(s) repeat the id of an earlier record of the file; the later record replaces the earlier.", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(2, await Documents());
        Assert.Equal(0, await Run("search", "wording", "--store", _kb.Store, "--mode", "keyword", "--json"));
        var texts = _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString());
        Assert.Contains("new wording", texts);
        Assert.DoesNotContain("old wording", texts);
    }

    public void Dispose()
    {
        _cli.Dispose();
        _kb.Dispose();
    }
}
