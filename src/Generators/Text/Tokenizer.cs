namespace HybridAI.Generators.Text;

/// <summary>
/// Turns text into content-term ids: accent-folded, lower-cased runs of letters and digits,
/// function words dropped, plural/inflection endings trimmed so "refunds" and "refund" match.
/// </summary>
internal static class Tokenizer
{
    private const int MaxTermLength = 48;

    /// <summary>Appends the ids of the content terms of <paramref name="text"/> to <paramref name="termIds"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, Vocabulary vocabulary, List<int> termIds)
    {
        Span<char> buffer = stackalloc char[MaxTermLength + 2];
        int length = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (TextFolding.IsTermChar(c))
            {
                // Over-long runs (hashes, URLs) are truncated rather than split: they still match themselves.
                if (length < MaxTermLength)
                {
                    length += TextFolding.Fold(c, buffer[length..]);
                }

                continue;
            }

            // Keep "1.5" and "1,5" as one number term (French writes decimals with a comma).
            if (c is '.' or ',' && length > 0 && char.IsAsciiDigit(buffer[length - 1])
                && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && length < MaxTermLength)
            {
                buffer[length++] = '.';
                continue;
            }

            if (length > 0)
            {
                Emit(buffer[..length], vocabulary, termIds);
                length = 0;
            }
        }
    }

    private static void Emit(ReadOnlySpan<char> term, Vocabulary vocabulary, List<int> termIds)
    {
        if (term.Length < 2 && !char.IsAsciiDigit(term[0]))
        {
            return;
        }

        if (StopWords.IsStopWord(term))
        {
            return;
        }

        termIds.Add(vocabulary.GetOrAdd(Stem(term)));
    }

    /// <summary>A deliberately light suffix trim shared by English and French; both sides of a comparison get the same trim.</summary>
    internal static ReadOnlySpan<char> Stem(ReadOnlySpan<char> term)
    {
        if (term.Length > 5 && term.EndsWith("ing"))
        {
            return term[..^3];
        }

        if (term.Length > 4 && term.EndsWith("ies"))
        {
            return term[..^3];
        }

        if (term.Length > 4 && term.EndsWith("ed"))
        {
            return term[..^2];
        }

        if (term.Length > 4 && term[^1] == 'y')
        {
            return term[..^1];
        }

        if (term.Length > 3 && term[^1] is 's' or 'x' && term[^2] is not ('s' or 'u' or 'i'))
        {
            return term[..^1];
        }

        return term;
    }
}
