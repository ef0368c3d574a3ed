namespace HybridAI.Abstractions.Retrieval;

/// <summary>
/// Finds the chunks of ingested documents that best answer a query. Implemented by the
/// embedded SQLite store, Qdrant and anything else that can rank text.
/// </summary>
/// <example>
/// <code>
/// ISearchIndex kb = ...;
/// var hits = await kb.SearchAsync(new SearchQuery("refund for a double charge") { Top = 3 });
/// foreach (var h in hits) Console.WriteLine($"{h.Score:F2} {h.Source}: {h.Text}");
/// </code>
/// </example>
public interface ISearchIndex
{
    /// <summary>Returns at most <see cref="SearchQuery.Top"/> hits, best first.</summary>
    ValueTask<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
}

/// <summary>A document store that can be written to as well as searched.</summary>
public interface IDocumentIndex : ISearchIndex
{
    /// <summary>Adds documents; a document whose id is already present is replaced as a whole.</summary>
    ValueTask UpsertAsync(IEnumerable<SourceDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Removes a document and all its chunks. Returns false when the id was not present.</summary>
    ValueTask<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default);
}
