namespace HybridAI.Retrieval.Ingestion;

/// <summary>Reads one file into <see cref="HybridAI.Abstractions.Retrieval.SourceDocument"/>s.</summary>
public interface IDocumentLoader
{
    /// <summary>
    /// Loads the file. Bad records are skipped and listed in <see cref="DocumentLoadResult.Failures"/>;
    /// a missing or unreadable file throws the usual I/O exception.
    /// </summary>
    ValueTask<DocumentLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default);
}
