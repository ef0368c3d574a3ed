using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Chunking;

/// <summary>
/// Cuts a text into windows of <see cref="WindowWords"/> words, each sharing <see cref="OverlapWords"/> words with the
/// previous one so that a sentence cut at a window edge is still whole in one of them. Words are runs of non-space
/// characters.
/// </summary>
/// <example>
/// <code>
/// var chunks = new TokenWindowChunker(windowWords: 120, overlapWords: 20).Chunk(document);
/// </code>
/// </example>
public sealed class TokenWindowChunker : IChunker
{
    /// <summary>Creates a chunker of <paramref name="windowWords"/>-word windows overlapping by <paramref name="overlapWords"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="windowWords"/> is below 1, or <paramref name="overlapWords"/> is negative or not below <paramref name="windowWords"/>.
    /// </exception>
    public TokenWindowChunker(int windowWords = 200, int overlapWords = 40)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowWords, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapWords);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlapWords, windowWords);
        WindowWords = windowWords;
        OverlapWords = overlapWords;
    }

    /// <summary>Words per chunk.</summary>
    public int WindowWords { get; }

    /// <summary>Words each chunk repeats from the previous one.</summary>
    public int OverlapWords { get; }

    /// <inheritdoc />
    public IReadOnlyList<DocumentChunk> Chunk(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string text = document.Text ?? string.Empty;
        var collector = new ChunkCollector(document);

        // Word boundaries as (start, end) pairs in one flat list.
        var bounds = new List<int>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            bounds.Add(start);
            bounds.Add(i);
        }

        int words = bounds.Count / 2;
        int step = WindowWords - OverlapWords;
        for (int first = 0; first < words; first += step)
        {
            int last = Math.Min(first + WindowWords, words) - 1;
            collector.Add(bounds[2 * first], bounds[(2 * last) + 1]);
            if (last == words - 1)
            {
                break;
            }
        }

        return collector.ToList();
    }
}
