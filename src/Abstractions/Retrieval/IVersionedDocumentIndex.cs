namespace HybridAI.Abstractions.Retrieval;

/// <summary>
/// A document index whose every write (an upsert batch, a delete, a rollback) commits a new numbered version.
/// Older versions stay searchable through <see cref="SearchQuery.Version"/>, and the index can be rolled back to one,
/// so an evaluation can compare two knowledge-base versions and undo a bad ingest.
/// </summary>
/// <example>
/// <code>
/// IVersionedDocumentIndex kb = ...;
/// long before = kb.CurrentVersion;
/// await kb.UpsertAsync(newArticles);
/// var old = await kb.SearchAsync(new SearchQuery("refund") { Version = before });
/// if (worse) await kb.RollbackAsync(before);
/// </code>
/// </example>
public interface IVersionedDocumentIndex : IDocumentIndex
{
    /// <summary>The latest committed version; 0 for an index never written to.</summary>
    long CurrentVersion { get; }

    /// <summary>All committed versions, oldest first.</summary>
    ValueTask<IReadOnlyList<IndexVersion>> GetVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits a new version whose content equals <paramref name="version"/>'s (history is kept: versions after it
    /// stay searchable). Returns the new version number.
    /// </summary>
    ValueTask<long> RollbackAsync(long version, CancellationToken cancellationToken = default);
}

/// <summary>One committed version of an index.</summary>
/// <param name="Number">Version number, from 1, increasing by one per write.</param>
/// <param name="CommittedAt">When it was committed (UTC).</param>
/// <param name="Kind">"upsert", "delete" or "rollback".</param>
/// <param name="DocumentCount">Documents live in this version.</param>
public sealed record IndexVersion(long Number, DateTimeOffset CommittedAt, string Kind, long DocumentCount);
