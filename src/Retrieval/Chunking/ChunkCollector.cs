using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Chunking;

/// <summary>
/// Shared tail of every chunker: trims each candidate span, drops empty and repeated chunks, numbers the rest and
/// gives them their stable ids.
/// </summary>
internal sealed class ChunkCollector(SourceDocument document)
{
    private readonly List<DocumentChunk> _chunks = [];
    private HashSet<string>? _seen;

    public void Add(int start, int end)
    {
        string text = document.Text;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            return;
        }

        string chunkText = text.Substring(start, end - start);
        _seen ??= new HashSet<string>(StringComparer.Ordinal);
        if (!_seen.Add(chunkText))
        {
            return;
        }

        int ordinal = _chunks.Count;
        _chunks.Add(new DocumentChunk(ChunkId.Compute(document.Id, chunkText, ordinal), document.Id, ordinal, chunkText, new TextSpan(start, end - start)));
    }

    public IReadOnlyList<DocumentChunk> ToList() => _chunks;
}
