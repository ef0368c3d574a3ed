namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Splits text into the tokens the wink/GloVe vocabulary holds: lower case, punctuation marks as tokens of their own
/// (",", "(", "'", "%"), hyphenated or dotted words whole when the vocabulary has them ("e-mail", "well-known") and
/// split otherwise. The vocabulary has no "n't", so "don't" becomes "do" + "not" (GloVe's own tokens "ca" and "wo"
/// cover "can't" and "won't"). Its words are unaccented, so an accented word that is not found is tried without
/// its accents ("café" → "cafe"). Words it does not know are skipped.
/// </summary>
internal static class WordVectorTokenizer
{
    /// <summary>Writes the rows of the known tokens of <paramref name="text"/> to <paramref name="rows"/> (length ≥ text length + 1) and returns how many.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, WordVectors vocabulary, Span<int> rows, Span<char> scratch)
    {
        // scratch: 3 × text length: the lowered text, then room to fold one word's accents.
        Span<char> lowered = scratch[..text.Length];
        Span<char> folding = scratch[text.Length..];
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            lowered[k] = c is '\u2019' or '\u2018' or '\u02BC' ? '\'' : char.ToLowerInvariant(c);
        }

        int count = 0;
        int i = 0;
        while (i < lowered.Length)
        {
            char c = lowered[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                count = Emit(lowered.Slice(i, 1), vocabulary, rows, count, folding);
                i++;
                continue;
            }

            int end = i + 1;
            while (end < lowered.Length && (char.IsLetterOrDigit(lowered[end])
                || (lowered[end] is '-' or '.' or '\'' && end + 1 < lowered.Length && char.IsLetterOrDigit(lowered[end + 1]))))
            {
                end++;
            }

            count = EmitWord(lowered[i..end], vocabulary, rows, count, folding);
            i = end;
        }

        return count;
    }

    private static int EmitWord(ReadOnlySpan<char> word, WordVectors vocabulary, Span<int> rows, int count, Span<char> folding)
    {
        int row = Find(word, vocabulary, folding);
        if (row >= 0)
        {
            rows[count] = row;
            return count + 1;
        }

        if (word.Length > 3 && word.EndsWith("n't", StringComparison.Ordinal))
        {
            count = EmitPieces(word[..^3], vocabulary, rows, count, folding);
            return Emit("not", vocabulary, rows, count, folding);
        }

        return EmitPieces(word, vocabulary, rows, count, folding);
    }

    private static int EmitPieces(ReadOnlySpan<char> word, WordVectors vocabulary, Span<int> rows, int count, Span<char> folding)
    {
        int start = 0;
        for (int k = 0; k <= word.Length; k++)
        {
            if (k == word.Length || !char.IsLetterOrDigit(word[k]))
            {
                if (k > start)
                {
                    count = Emit(word[start..k], vocabulary, rows, count, folding);
                }

                if (k < word.Length)
                {
                    count = Emit(word.Slice(k, 1), vocabulary, rows, count, folding);
                }

                start = k + 1;
            }
        }

        return count;
    }

    private static int Emit(ReadOnlySpan<char> token, WordVectors vocabulary, Span<int> rows, int count, Span<char> folding)
    {
        int row = Find(token, vocabulary, folding);
        if (row < 0)
        {
            return count;
        }

        rows[count] = row;
        return count + 1;
    }

    private static int Find(ReadOnlySpan<char> token, WordVectors vocabulary, Span<char> folding)
    {
        int row = vocabulary.IndexOf(token);
        if (row >= 0 || !token.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return row;
        }

        int length = TextFolding.Fold(token, folding, foldCase: true, foldAccents: true);
        return vocabulary.IndexOf(folding[..length]);
    }
}
