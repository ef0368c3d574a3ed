using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// Loads a whole text file as one document whose id and source are the file name (with extension, so that
/// "faq.txt" and "faq.md" stay apart).
/// </summary>
public sealed class PlainTextLoader : IDocumentLoader
{
    /// <inheritdoc />
    public async ValueTask<DocumentLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        string name = Path.GetFileName(path);
        return new DocumentLoadResult([new SourceDocument(name, text, name)], []);
    }
}
