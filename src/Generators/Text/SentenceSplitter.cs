using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Generators.Text;

/// <summary>
/// Splits evidence into sentences and reports each as a span of the original text (trimmed, list
/// markers removed), so a quoted sentence is always an exact substring of its passage.
/// Knows about abbreviations ("e.g.", "Mr.", "Mme."), decimals ("1.5"), ellipses, closing quotes
/// and brackets, French «» quotes with their inner spaces, blank lines and bullet lists.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Appends the sentence spans of <paramref name="text"/> to <paramref name="sentences"/>.</summary>
    public static void Split(string text, List<TextSpan> sentences)
    {
        int start = 0;
        int quoteDepth = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '«')
            {
                quoteDepth++;
            }
            else if (c == '»' && quoteDepth > 0)
            {
                quoteDepth--;
            }
            else if (c == '\n' && StartsNewBlock(text, i))
            {
                Add(text, start, i, sentences);
                quoteDepth = 0;
                start = i + 1;
            }
            else if (c is '.' or '!' or '?' or '…')
            {
                int runEnd = i + 1;
                while (runEnd < text.Length && text[runEnd] is '.' or '!' or '?' or '…')
                {
                    runEnd++;
                }

                int end = SkipClosers(text, runEnd, out int closedQuotes);
                int depthAfter = Math.Max(0, quoteDepth - closedQuotes);
                if (depthAfter == 0 && IsBoundary(text, i, runEnd, end))
                {
                    Add(text, start, end, sentences);
                    quoteDepth = 0;
                    start = end;
                    i = end;
                    continue;
                }

                // Let the main loop see any "»" after the run, so quote depth stays right.
                i = runEnd;
                continue;
            }

            i++;
        }

        Add(text, start, text.Length, sentences);
    }

    // Closing quotes and brackets belong to the sentence they close; French puts a space before "»".
    private static int SkipClosers(string text, int position, out int closedQuotes)
    {
        closedQuotes = 0;
        int j = position;
        while (j < text.Length)
        {
            if (text[j] is '"' or '\'' or ')' or ']' or '”' or '’')
            {
                j++;
                continue;
            }

            int k = j;
            while (k < text.Length && IsInlineSpace(text[k]))
            {
                k++;
            }

            if (k < text.Length && text[k] == '»')
            {
                closedQuotes++;
                j = k + 1;
                continue;
            }

            break;
        }

        return j;
    }

    private static bool IsBoundary(string text, int punctuation, int runEnd, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        // "example.com", "1.5", "v2.0": no space after the period, so no sentence end.
        if (!char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        int next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        char following = next < text.Length ? text[next] : '\0';
        bool nextIsLower = char.IsLower(following);

        if (text[punctuation] == '.' && runEnd == punctuation + 1)
        {
            int wordStart = punctuation;
            while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || (text[wordStart - 1] == '.' && wordStart - 1 > 0 && char.IsLetter(text[wordStart - 2]))))
            {
                wordStart--;
            }

            ReadOnlySpan<char> word = text.AsSpan(wordStart, punctuation - wordStart);
            if (word.Length == 1 && char.IsUpper(word[0]))
            {
                return false; // an initial: "J. Smith", "M. Dupont"
            }

            if (word.Contains('.'))
            {
                return false; // dotted abbreviation: "e.g.", "i.e.", "p.ex."
            }

            if (Abbreviations.Contains(word) && !(Abbreviations.MayEndSentence(word) && char.IsUpper(following)))
            {
                return false;
            }

            if ((word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("p", StringComparison.OrdinalIgnoreCase)) && char.IsAsciiDigit(following))
            {
                return false; // "No. 5", "p. 12"
            }

            if (word.Length == 0 && IsListNumber(text, punctuation))
            {
                return false; // "1. Open the app" at the start of a line
            }
        }

        return !nextIsLower;
    }

    private static bool IsListNumber(string text, int period)
    {
        int k = period;
        while (k > 0 && char.IsAsciiDigit(text[k - 1]))
        {
            k--;
        }

        if (k == period)
        {
            return false;
        }

        while (k > 0 && IsInlineSpace(text[k - 1]))
        {
            k--;
        }

        return k == 0 || text[k - 1] == '\n';
    }

    // A line break ends a sentence only before a blank line or a list item; otherwise it is wrapping.
    private static bool StartsNewBlock(string text, int newline)
    {
        int k = newline + 1;
        while (k < text.Length && (IsInlineSpace(text[k]) || text[k] == '\r'))
        {
            k++;
        }

        if (k >= text.Length || text[k] == '\n')
        {
            return true;
        }

        return ListMarkerLength(text.AsSpan(k)) > 0;
    }

    private static int ListMarkerLength(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '-' or '*' or '•' or '–' or '—' && IsInlineSpace(line[1]))
        {
            return 2;
        }

        int digits = 0;
        while (digits < line.Length && digits < 3 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && IsInlineSpace(line[digits + 1]))
        {
            return digits + 2;
        }

        return 0;
    }

    private static void Add(string text, int start, int end, List<TextSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        int marker = ListMarkerLength(text.AsSpan(start, end - start));
        if (marker > 0)
        {
            start += marker;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new TextSpan(start, end - start));
        }
    }

    private static bool IsInlineSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2009';
}
