using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;

namespace HybridAI.Retrieval.Stores;

/// <summary>
/// Passes chunking through and, while <see cref="Recording"/> is set, notes how many chunks each document became, in
/// call order (the index chunks a batch's documents one by one, in order, before it writes).
/// </summary>
internal sealed class CountingChunker(IChunker inner) : IChunker
{
    public List<int>? Recording { get; set; }

    public IReadOnlyList<DocumentChunk> Chunk(SourceDocument document)
    {
        IReadOnlyList<DocumentChunk> chunks = inner.Chunk(document);
        Recording?.Add(chunks.Count);
        return chunks;
    }
}
