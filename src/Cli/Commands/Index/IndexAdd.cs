using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Ingestion;
using HybridAI.Retrieval.Stores;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Index;

/// <summary>
/// <c>hybridai index add PATH --store DIR [--embedder hash|hash:DIM|glove|onnx:MODEL] [--chunker paragraph|tokens] [--id-field F] [--text-field F] [--max-file-mb N]</c>:
/// ingests a file, or every .txt/.md/.jsonl/.csv file under a folder (ordinal path order), streaming documents into
/// batches (see <see cref="AddRun"/>), so a JSONL or CSV file of any size costs the memory of a batch; only .txt/.md
/// files (one document each) are held to <c>--max-file-mb</c>. Each file is checked before anything of it is written
/// (size, NUL bytes, UTF-8); a bad record stops the run naming file and line, with the batches before it committed
/// (a file that fits one batch is then not written at all) and the files before it in the store. Empty files (or only
/// whitespace, or a CSV with a header only) are skipped with a warning. Text and Markdown documents take their path
/// in the folder as id, so re-adding a folder replaces its documents; every document gets that path as "file" metadata.
/// </summary>
internal static class IndexAdd
{
    private static readonly string[] Extensions = [".txt", ".md", ".markdown", ".jsonl", ".ndjson", ".csv"];

    public static Command Create(IAnsiConsole console)
    {
        var path = new Argument<string>("path") { Description = "A .txt, .md, .jsonl or .csv file, or a folder (searched recursively)." };
        var store = IndexCommand.StoreOption();
        store.Description = "The store's folder (created if missing).";
        var embedder = new Option<string?>("--embedder")
        {
            Description = "A new store's embedder: hash (default; hash:DIM for other sizes), glove (word vectors from eng/fetch-deps.sh) or onnx:MODEL (a sentence-transformer .onnx file or folder). An existing store keeps its own.",
        };
        var chunker = new Option<string?>("--chunker") { Description = "A new store's chunker: paragraph (default) or tokens (200-word windows)." };
        var idField = new Option<string>("--id-field") { Description = "The JSONL field or CSV column holding each record's id.", DefaultValueFactory = _ => "id" };
        var textField = new Option<string>("--text-field") { Description = "The JSONL field or CSV column holding each record's text.", DefaultValueFactory = _ => "text" };
        var maxFile = new Option<int>("--max-file-mb") { Description = "Largest .txt or .md file, in MiB (one is one document, held whole in memory); .jsonl and .csv files stream in batches and have no limit.", DefaultValueFactory = _ => 256 };
        var command = new Command("add", "Ingest a file or a folder into a store.") { path, store, embedder, chunker, idField, textField, maxFile };
        command.SetAction((parse, ct) => StoreErrors.RunAsync(console, () => AddAsync(console, new Request(
            parse.GetRequiredValue(path), parse.GetRequiredValue(store), parse.GetValue(embedder), parse.GetValue(chunker),
            parse.GetRequiredValue(idField), parse.GetRequiredValue(textField), parse.GetValue(maxFile)), ct)));
        return command;
    }

    private sealed record Request(string Path, string Store, string? Embedder, string? Chunker, string IdField, string TextField, int MaxFileMb);

    private static async Task<int> AddAsync(IAnsiConsole console, Request r, CancellationToken ct)
    {
        if (r.MaxFileMb < 1)
        {
            throw new ArgumentException("--max-file-mb must be at least 1.");
        }

        var files = Files(r.Path);
        await using var store = await IndexStore.OpenOrCreateAsync(r.Store, StoreErrors.ForOneCommand(r.Embedder, r.Chunker), ct).ConfigureAwait(false);
        var o = console.Profile.Out.Writer;
        var ci = CultureInfo.InvariantCulture;
        o.WriteLine($"store: {store.Folder} (embedder {store.Embedder}, {store.Dimensions} dimensions, chunker {store.Chunker})");

        var run = new AddRun(store, o);
        var watch = Stopwatch.StartNew();
        foreach (var (file, relative) in files)
        {
            bool hasText;
            try
            {
                hasText = HasText(file, relative, r);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                await run.FlushAsync(ct).ConfigureAwait(false);
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                console.MarkupLineInterpolated(ci, $"[yellow]stopped at {relative}: nothing of it was written; the {run.Files} file(s) added before it stay in the store (version {store.Index.CurrentVersion}).[/]");
                return HybridAICommand.InputError;
            }

            var added = run.Begin(relative);
            try
            {
                if (hasText)
                {
                    await foreach (var document in Stream(file, relative, r, ct).ConfigureAwait(false))
                    {
                        await run.AddAsync(added, document, ct).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is InvalidDataException or DocumentLoadException or IOException or UnauthorizedAccessException)
            {
                long committed = await run.AbandonAsync(added, ct).ConfigureAwait(false);
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                console.MarkupLineInterpolated(ci, $"[yellow]stopped at {relative}: {Committed(relative, committed, e)}; the {run.Files} file(s) added before it stay in the store (version {store.Index.CurrentVersion}).[/]");
                return HybridAICommand.InputError;
            }

            if (await run.EndAsync(added, ct).ConfigureAwait(false) == 0)
            {
                console.MarkupLineInterpolated($"[yellow]skipped {relative}: empty, no documents in it[/]");
                continue;
            }

            if (added.Collisions > 0)
            {
                console.MarkupLineInterpolated(ci, $"[yellow]{relative}: {added.Collisions} document id(s) also in an earlier file of this run ({added.CollidedWith}); the documents of {relative} replace them.[/]");
            }

            if (added.Repeats > 0)
            {
                console.MarkupLineInterpolated(ci, $"[yellow]{relative}: {added.Repeats} record(s) repeat the id of an earlier record of the file; the later record replaces the earlier.[/]");
            }
        }

        await run.FlushAsync(ct).ConfigureAwait(false);
        double seconds = Math.Max(watch.Elapsed.TotalSeconds, 1e-6);
        o.WriteLine(string.Create(ci, $"total: {run.Files} files, {run.Documents} documents, {run.Chunks} chunks in {watch.Elapsed.TotalSeconds:F2} s ({run.Chunks / seconds:F0} chunks/s); version {store.Index.CurrentVersion}"));
        return 0;
    }

    /// <summary>What of a file that failed part-way is in the store, and what to do about it.</summary>
    private static string Committed(string relative, long committed, Exception e)
    {
        string fix = e is DocumentLoadException { Failures: [var failure, ..] }
            ? string.Create(CultureInfo.InvariantCulture, $"fix line {failure.Line} and re-add it")
            : "fix it and re-add it";
        return committed == 0
            ? "nothing of it was written"
            : string.Create(CultureInfo.InvariantCulture, $"records 1–{committed} of {relative} are committed; {fix} (re-adding replaces by id)");
    }

    /// <summary>
    /// Checks the file (NUL bytes, UTF-8, and for a single-document format its size); false when it has nothing in it.
    /// JSONL and CSV files are streamed in batches, so they have no size limit.
    /// </summary>
    private static bool HasText(string file, string relative, Request r)
    {
        long maxBytes = r.MaxFileMb * (1L << 20);
        if (!IsRecordFile(file) && new FileInfo(file).Length is var length && length > maxBytes)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{file}(1): the file is {length / (1024.0 * 1024.0):0.#} MiB, over the {r.MaxFileMb} MiB limit for one file. A .txt or .md file is one document, and one document is held whole in memory because its chunks point into its text; split {relative} into smaller files (one per chapter or section) or raise --max-file-mb. JSONL and CSV files are streamed and have no size limit."));
        }

        return TextFileCheck.HasText(file, long.MaxValue);
    }

    private static bool IsRecordFile(string file) => Path.GetExtension(file).ToUpperInvariant() is ".JSONL" or ".NDJSON" or ".CSV";

    /// <summary>The file's documents as they are read, each with "file" metadata.</summary>
    private static async IAsyncEnumerable<SourceDocument> Stream(string file, string relative, Request r, [EnumeratorCancellation] CancellationToken ct)
    {
        IDocumentLoader loader = Path.GetExtension(file).ToUpperInvariant() switch
        {
            ".JSONL" or ".NDJSON" => new JsonlLoader(new JsonlLoaderOptions { IdField = r.IdField, TextField = r.TextField }),
            ".CSV" => new CsvLoader(new CsvLoaderOptions { IdColumn = r.IdField, TextColumn = r.TextField }),
            _ => DocumentLoaders.ForFile(file),
        };
        // One document per file: the path in the folder keeps a/faq.md and b/faq.md apart.
        bool wholeFile = loader is PlainTextLoader or MarkdownLoader;
        await foreach (var document in loader.StreamAsync(file, ct).ConfigureAwait(false))
        {
            yield return WithFile(wholeFile ? document with { Id = relative } : document, relative);
        }
    }

    private static SourceDocument WithFile(SourceDocument document, string relative)
    {
        if (document.Metadata.ContainsKey("file"))
        {
            return document;
        }

        var metadata = new Dictionary<string, string>(document.Metadata, StringComparer.Ordinal) { ["file"] = relative };
        return document with { Metadata = metadata };
    }

    /// <summary>The files to add with their path relative to <paramref name="path"/> ('/'-separated; a single file's is its name).</summary>
    private static List<(string File, string Relative)> Files(string path)
    {
        if (File.Exists(path))
        {
            if (!Supported(path))
            {
                throw new ArgumentException($"{path}: not a file 'index add' reads; use {string.Join(", ", Extensions)}.");
            }

            return [(path, Path.GetFileName(path))];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder.", path);
        }

        return [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(Supported)
            .Select(f => (File: f, Relative: Path.GetRelativePath(path, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)];
    }

    private static bool Supported(string file) => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase);
}
