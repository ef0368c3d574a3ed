using System.Text.RegularExpressions;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Rag;

/// <summary>
/// Cuts a model's answer into the sentences the groundedness check judges: the evidence splitter's sentences, also cut
/// after a lead-in ending with ':' at a line end; citation markers written after the full stop ("… days. [1]") joined
/// to the sentence they follow; a trailing sources list kept apart as one piece.
/// </summary>
internal static class AnswerSentences
{
    public static List<(TextSpan Span, bool SourceList)> Split(string answer)
    {
        TextSpan? sources = FindSourcesList(answer);
        string masked = answer;
        if (sources is TextSpan list)
        {
            // Same length, so spans still point into the answer; line breaks end the sentence before the list.
            masked = string.Concat(answer.AsSpan(0, list.Start), new string('\n', list.Length), answer.AsSpan(list.Start + list.Length));
        }

        var spans = new List<TextSpan>();
        SentenceSplitter.Split(masked, spans);
        var pieces = new List<(TextSpan Span, bool SourceList)>();
        foreach (TextSpan span in spans)
        {
            int start = span.Start, end = span.Start + span.Length;
            for (int colon = answer.IndexOf(':', start, end - start); colon >= 0 && colon < end; colon = answer.IndexOf(':', colon + 1, end - colon - 1))
            {
                int after = colon + 1;
                while (after < end && answer[after] is ' ' or '\t' or '\r')
                {
                    after++;
                }

                if (after < end && answer[after] == '\n')
                {
                    Add(answer, pieces, start, colon + 1);
                    start = after;
                }

                if (colon + 1 >= end)
                {
                    break;
                }
            }

            Add(answer, pieces, start, end);
        }

        if (sources is TextSpan found)
        {
            int at = pieces.FindIndex(p => p.Span.Start > found.Start);
            pieces.Insert(at < 0 ? pieces.Count : at, (found, true));
        }

        return pieces;
    }

    private static void Add(string answer, List<(TextSpan Span, bool SourceList)> pieces, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(answer[start]))
        {
            start++;
        }

        // Markers that open this piece close the one before it.
        if (pieces.Count > 0 && answer[pieces[^1].Span.Start + pieces[^1].Span.Length - 1] != ':')
        {
            int position = start, markersEnd = start;
            while (RagPatterns.CitationMarker().Match(answer, position, end - position) is { Success: true } marker && marker.Index == position)
            {
                markersEnd = position = marker.Index + marker.Length;
                while (position < end && answer[position] is ' ' or '\t')
                {
                    position++;
                }
            }

            if (markersEnd > start)
            {
                TextSpan previous = pieces[^1].Span;
                int closed = markersEnd;
                while (closed > start && char.IsWhiteSpace(answer[closed - 1]))
                {
                    closed--;
                }

                pieces[^1] = (new TextSpan(previous.Start, closed - previous.Start), false);
                start = markersEnd;
                while (start < end && char.IsWhiteSpace(answer[start]))
                {
                    start++;
                }
            }
        }

        while (end > start && char.IsWhiteSpace(answer[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            pieces.Add((new TextSpan(start, end - start), false));
        }
    }

    // The last "Sources:" heading on its own line with [n] lines after it, through the last of those lines.
    private static TextSpan? FindSourcesList(string answer)
    {
        int lineStart = 0;
        int headingStart = -1, listEnd = -1;
        while (lineStart <= answer.Length)
        {
            int newline = answer.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? answer.Length : newline;
            ReadOnlySpan<char> line = answer.AsSpan(lineStart, lineEnd - lineStart);
            if (RagPatterns.SourcesHeading().IsMatch(line))
            {
                headingStart = lineStart;
                listEnd = -1;
            }
            else if (headingStart >= 0 && RagPatterns.SourceLine().IsMatch(line))
            {
                listEnd = lineEnd;
            }
            else if (headingStart >= 0 && !line.IsWhiteSpace())
            {
                if (listEnd > 0)
                {
                    break; // the list ended; what follows (a signature) is not part of it
                }

                headingStart = -1;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        return headingStart >= 0 && listEnd > headingStart ? new TextSpan(headingStart, listEnd - headingStart) : null;
    }
}
