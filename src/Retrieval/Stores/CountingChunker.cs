using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;

namespace HybridAI.Retrieval.Stores;

/// <summary>Passes chunking through and counts the chunks made, so a store can say how many chunks a batch became.</summary>
internal sealed class CountingChunker(IChunker inner) : IChunker
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyList<DocumentChunk> Chunk(SourceDocument document)
    {
        IReadOnlyList<DocumentChunk> chunks = inner.Chunk(document);
        Interlocked.Add(ref _count, chunks.Count);
        return chunks;
    }
}
