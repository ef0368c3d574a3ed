namespace HybridAI.Retrieval.Chunking;

/// <summary>A paragraph (run of non-blank lines) or a heading line of a Markdown text.</summary>
internal readonly record struct MarkdownBlock(int Start, int End, bool IsHeading)
{
    public static List<MarkdownBlock> Split(string text)
    {
        var blocks = new List<MarkdownBlock>();
        int blockStart = -1;
        int blockEnd = -1;
        bool inFence = false;
        int position = 0;

        while (position < text.Length)
        {
            int lineStart = position;
            int lineEnd = text.IndexOfAny(['\r', '\n'], position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
                position = text.Length;
            }
            else
            {
                position = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
            }

            ReadOnlySpan<char> line = text.AsSpan(lineStart, lineEnd - lineStart);
            ReadOnlySpan<char> trimmed = line.TrimStart();

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && trimmed.IsEmpty)
            {
                Close(blocks, ref blockStart, blockEnd);
                continue;
            }

            if (!inFence && IsHeadingLine(line))
            {
                Close(blocks, ref blockStart, blockEnd);
                blocks.Add(new MarkdownBlock(lineStart, lineEnd, IsHeading: true));
                continue;
            }

            if (blockStart < 0)
            {
                blockStart = lineStart;
            }

            blockEnd = lineEnd;
        }

        Close(blocks, ref blockStart, blockEnd);
        return blocks;
    }

    /// <summary>An ATX heading: up to three spaces, one to six '#', then a space or the end of the line.</summary>
    public static bool IsHeadingLine(ReadOnlySpan<char> line)
    {
        int indent = 0;
        while (indent < line.Length && indent < 4 && line[indent] == ' ')
        {
            indent++;
        }

        if (indent > 3)
        {
            return false;
        }

        int hashes = 0;
        while (indent + hashes < line.Length && line[indent + hashes] == '#')
        {
            hashes++;
        }

        int after = indent + hashes;
        return hashes is >= 1 and <= 6 && (after == line.Length || line[after] is ' ' or '\t');
    }

    private static void Close(List<MarkdownBlock> blocks, ref int blockStart, int blockEnd)
    {
        if (blockStart >= 0)
        {
            blocks.Add(new MarkdownBlock(blockStart, blockEnd, IsHeading: false));
            blockStart = -1;
        }
    }
}
