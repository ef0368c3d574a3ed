using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Querying;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>How a <see cref="SqliteDocumentIndex"/> cuts documents and reads queries.</summary>
public sealed class SqliteIndexOptions
{
    /// <summary>Cuts documents into the chunks that are indexed. Default: a <see cref="ParagraphChunker"/> of 1200 characters.</summary>
    public IChunker Chunker { get; init; } = new ParagraphChunker();

    /// <summary>
    /// Words left out of queries. Null (the default) uses <see cref="KeywordStopWords.EnglishAndFrench"/>; an empty
    /// list keeps every word.
    /// </summary>
    public IEnumerable<string>? StopWords { get; init; }

    /// <summary>
    /// Also match other forms of a query word (refund → refunded, remboursement → remboursé) by searching a prefix of
    /// it as well as the word itself; exact forms still rank higher. Default true.
    /// </summary>
    public bool MatchWordForms { get; init; } = true;

    /// <summary>How many idle read connections are kept open for the next searches. Default: the processor count.</summary>
    public int MaxIdleReaders { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Embeds chunks at ingest and queries at search time, enabling <see cref="HybridAI.Abstractions.Retrieval.SearchMode.Vector"/>,
    /// <see cref="HybridAI.Abstractions.Retrieval.SearchMode.Hybrid"/> and MMR. Vectors are scaled to unit length and kept
    /// in <c>&lt;file&gt;.vectors</c> beside the database. Null (the default): keyword search only.
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>>? EmbeddingGenerator { get; init; }

    /// <summary>
    /// From this many vectors on, vector search uses an HNSW graph instead of scoring every vector. The graph is built
    /// on the first vector search after opening (or loaded from <c>&lt;file&gt;.hnsw</c> beside the database when that
    /// file matches the vectors; a stale or damaged one is ignored and rebuilt), extended at each ingest, and saved
    /// again when the index is disposed. Default 10 000.
    /// </summary>
    public int HnswThreshold { get; init; } = 10_000;

    /// <summary>HNSW candidate-list size at search time; higher is more exact and slower. Default 100.</summary>
    public int HnswEfSearch { get; init; } = 100;

    internal void Validate()
    {
        if (Chunker is null)
        {
            throw new ArgumentException("SqliteIndexOptions.Chunker must not be null.", nameof(Chunker));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIdleReaders, 1, nameof(MaxIdleReaders));
        ArgumentOutOfRangeException.ThrowIfLessThan(HnswThreshold, 1, nameof(HnswThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(HnswEfSearch, 1, nameof(HnswEfSearch));
    }
}
