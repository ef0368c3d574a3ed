using System.Runtime.CompilerServices;
using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>Reads one file into <see cref="SourceDocument"/>s.</summary>
public interface IDocumentLoader
{
    /// <summary>
    /// Loads the file. Bad records are skipped and listed in <see cref="DocumentLoadResult.Failures"/>;
    /// a missing or unreadable file throws the usual I/O exception.
    /// </summary>
    ValueTask<DocumentLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the file's documents one at a time, in file order. The record loaders (<see cref="JsonlLoader"/>,
    /// <see cref="CsvLoader"/>) read the file as it is enumerated, through a fixed buffer, so a file of any size costs
    /// the memory of one record; the default implementation loads the file whole with <see cref="LoadAsync"/> first.
    /// </summary>
    /// <remarks>
    /// Unlike <see cref="LoadAsync"/>, enumeration stops at the first bad record with a
    /// <see cref="DocumentLoadException"/> naming file and line (the documents before it have already been yielded),
    /// and a repeated id is not reported: finding one would take memory in proportion to the file. Upserting the
    /// stream in batches lets the later record replace the earlier, as re-adding does.
    /// </remarks>
    /// <example>
    /// <code>
    /// var batch = new List&lt;SourceDocument&gt;();
    /// await foreach (SourceDocument document in new JsonlLoader().StreamAsync("tickets.jsonl"))
    /// {
    ///     batch.Add(document);
    ///     if (batch.Count == 1_000) { await index.UpsertAsync(batch); batch.Clear(); }
    /// }
    /// await index.UpsertAsync(batch);
    /// </code>
    /// </example>
    /// <exception cref="DocumentLoadException">A record is bad; <see cref="DocumentLoadException.Failures"/> holds it.</exception>
    async IAsyncEnumerable<SourceDocument> StreamAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        DocumentLoadResult result = (await LoadAsync(path, cancellationToken).ConfigureAwait(false)).ThrowIfFailed();
        foreach (SourceDocument document in result.Documents)
        {
            yield return document;
        }
    }
}
