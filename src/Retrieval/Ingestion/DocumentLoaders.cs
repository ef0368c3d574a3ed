namespace HybridAI.Retrieval.Ingestion;

/// <summary>Picks a loader by file extension and loads whole folders.</summary>
/// <example>
/// <code>
/// DocumentLoadResult kb = await DocumentLoaders.LoadFolderAsync("knowledge-base");
/// foreach (var failure in kb.Failures) logger.LogWarning("Skipped {Failure}", failure);
/// await index.UpsertAsync(kb.Documents);
/// </code>
/// </example>
public static class DocumentLoaders
{
    /// <summary>The loader for a file: .md/.markdown, .jsonl/.ndjson, .csv, otherwise plain text.</summary>
    public static IDocumentLoader ForFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".MD" or ".MARKDOWN" => new MarkdownLoader(),
            ".JSONL" or ".NDJSON" => new JsonlLoader(),
            ".CSV" => new CsvLoader(),
            _ => new PlainTextLoader(),
        };
    }

    /// <summary>
    /// Loads every .txt, .md, .markdown, .jsonl, .ndjson and .csv file under <paramref name="folder"/> (recursively, in
    /// ordinal path order so results are the same on every machine), with the default options of each loader.
    /// </summary>
    public static async ValueTask<DocumentLoadResult> LoadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string[] files = [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(IsSupported).Order(StringComparer.Ordinal)];
        var documents = new List<Abstractions.Retrieval.SourceDocument>();
        var failures = new List<DocumentLoadFailure>();
        foreach (string file in files)
        {
            DocumentLoadResult result = await ForFile(file).LoadAsync(file, cancellationToken).ConfigureAwait(false);
            documents.AddRange(result.Documents);
            failures.AddRange(result.Failures);
        }

        return new DocumentLoadResult(documents, failures);
    }

    private static bool IsSupported(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".TXT" or ".MD" or ".MARKDOWN" or ".JSONL" or ".NDJSON" or ".CSV";
}
