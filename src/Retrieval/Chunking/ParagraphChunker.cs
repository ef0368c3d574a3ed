using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Chunking;

/// <summary>
/// Cuts Markdown or plain text along its structure: a heading starts a new chunk and stays with the paragraphs under
/// it; small paragraphs are merged until the next one would make the chunk longer than <see cref="MaxChars"/>;
/// a paragraph longer than that is split at a sentence end, or else at a space.
/// </summary>
/// <example>
/// <code>
/// var chunks = new ParagraphChunker(maxChars: 800).Chunk(new SourceDocument("kb-12", markdown, "Refunds"));
/// </code>
/// </example>
public sealed class ParagraphChunker : IChunker
{
    /// <summary>The chunk size used when none is given.</summary>
    public const int DefaultMaxChars = 1200;

    /// <summary>The smallest accepted <see cref="MaxChars"/>; below it chunks stop carrying meaning.</summary>
    public const int MinMaxChars = 32;

    /// <summary>Creates a chunker whose chunks hold at most <paramref name="maxChars"/> characters.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxChars"/> is below <see cref="MinMaxChars"/>.</exception>
    public ParagraphChunker(int maxChars = DefaultMaxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, MinMaxChars);
        MaxChars = maxChars;
    }

    /// <summary>The longest chunk, in characters.</summary>
    public int MaxChars { get; }

    /// <inheritdoc />
    public IReadOnlyList<DocumentChunk> Chunk(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string text = document.Text ?? string.Empty;
        var collector = new ChunkCollector(document);

        int pendingStart = -1;
        int pendingEnd = -1;
        bool pendingHasBody = false;

        foreach (MarkdownBlock block in MarkdownBlock.Split(text))
        {
            if (block.IsHeading)
            {
                if (pendingHasBody)
                {
                    collector.Add(pendingStart, pendingEnd);
                    pendingStart = -1;
                    pendingHasBody = false;
                }

                // Consecutive headings wait together for the paragraph they introduce.
                if (pendingStart < 0)
                {
                    pendingStart = block.Start;
                }

                pendingEnd = block.End;
                continue;
            }

            if (pendingStart >= 0 && block.End - pendingStart <= MaxChars)
            {
                pendingEnd = block.End;
                pendingHasBody = true;
                continue;
            }

            int splitFrom = block.Start;
            if (pendingStart >= 0)
            {
                if (pendingHasBody)
                {
                    collector.Add(pendingStart, pendingEnd);
                }
                else
                {
                    // Keep lone headings with the start of the long paragraph rather than as a chunk of their own.
                    splitFrom = pendingStart;
                }
            }

            pendingStart = EmitAllButLastPiece(collector, text, splitFrom, block.End);
            pendingEnd = block.End;
            pendingHasBody = true;
        }

        if (pendingStart >= 0)
        {
            collector.Add(pendingStart, pendingEnd);
        }

        return collector.ToList();
    }

    /// <summary>Cuts [start, end) into pieces of at most MaxChars and returns where the last piece starts.</summary>
    private int EmitAllButLastPiece(ChunkCollector collector, string text, int start, int end)
    {
        while (end - start > MaxChars)
        {
            int cut = FindCut(text, start, start + MaxChars);
            collector.Add(start, cut);
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        return start;
    }

    private int FindCut(string text, int start, int limit)
    {
        int sentenceFloor = start + (MaxChars / 2);
        for (int i = limit - 1; i > sentenceFloor; i--)
        {
            char c = text[i - 1];
            if ((c is '.' or '!' or '?' or '…' or ':' or ';') && char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        for (int i = limit; i > start + 1; i--)
        {
            if (char.IsWhiteSpace(text[i - 1]))
            {
                return i - 1;
            }
        }

        // One unbroken run (a URL, a hash): cut hard, but never between the halves of a surrogate pair.
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
