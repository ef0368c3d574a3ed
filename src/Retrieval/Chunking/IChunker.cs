using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Chunking;

/// <summary>Cuts a document into the chunks that are indexed and returned as hits.</summary>
public interface IChunker
{
    /// <summary>
    /// Returns the document's chunks in reading order. Each chunk's text is exactly the document text under its span;
    /// identical chunks of one document appear once.
    /// </summary>
    IReadOnlyList<DocumentChunk> Chunk(SourceDocument document);
}
