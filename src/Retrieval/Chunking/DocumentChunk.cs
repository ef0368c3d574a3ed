using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Chunking;

/// <summary>A piece of a document that is indexed and returned as a search hit on its own.</summary>
/// <param name="Id">Stable id: a hash of the document id, the chunk text and the ordinal.</param>
/// <param name="DocumentId">Id of the document the chunk was cut from.</param>
/// <param name="Ordinal">Position of the chunk among the document's chunks, from 0.</param>
/// <param name="Text">The chunk's text; always equal to <c>document.Text.Substring(Span.Start, Span.Length)</c>.</param>
/// <param name="Span">Where the chunk lies in the document's text.</param>
public sealed record DocumentChunk(string Id, string DocumentId, int Ordinal, string Text, TextSpan Span);
