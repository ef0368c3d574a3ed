using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Querying;

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

    internal void Validate()
    {
        if (Chunker is null)
        {
            throw new ArgumentException("SqliteIndexOptions.Chunker must not be null.", nameof(Chunker));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIdleReaders, 1, nameof(MaxIdleReaders));
    }
}
