namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Case and accent folding for English and French text, so "Élève", "eleve" and "ÉLÈVE" hash alike.
/// A fixed table (Latin-1 letters, œ/Œ/Ÿ, curly apostrophes, combining accents) instead of Unicode
/// decomposition: it does not depend on the ICU version of the machine, so hashes stay the same everywhere.
/// </summary>
internal static class TextFolding
{
    // U+00C0..U+00FF without their accents; '\0' marks the letters that become two (Æ æ ß).
    private const string Latin1 =
        "AAAAAA\0CEEEEIIIIDNOOOOO\u00D7OUUUUY\u00DE\0" +
        "aaaaaa\0ceeeeiiiidnooooo\u00F7ouuuuy\u00FEy";

    /// <summary>The longest output for an input of <paramref name="length"/> chars (ligatures expand to two).</summary>
    public static int MaxFoldedLength(int length) => length * 2;

    /// <summary>Writes the folded text into <paramref name="destination"/> and returns its length.</summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> destination, bool foldCase, bool foldAccents)
    {
        int n = 0;
        foreach (char original in text)
        {
            char c = original;
            if (foldAccents)
            {
                if (c is >= '\u0300' and <= '\u036F')
                {
                    continue; // combining accent of decomposed input ("e\u0301")
                }

                if (c is '\u2019' or '\u2018' or '\u02BC')
                {
                    c = '\'';
                }
                else if (c is >= '\u00C0' and <= '\u00FF')
                {
                    char mapped = Latin1[c - '\u00C0'];
                    if (mapped == '\0')
                    {
                        (char first, char second) = c switch
                        {
                            '\u00C6' => ('A', 'E'),
                            '\u00E6' => ('a', 'e'),
                            _ => ('s', 's'),
                        };
                        destination[n++] = foldCase ? char.ToLowerInvariant(first) : first;
                        destination[n++] = foldCase ? char.ToLowerInvariant(second) : second;
                        continue;
                    }

                    c = mapped;
                }
                else if (c is '\u0152' or '\u0153')
                {
                    bool upper = c == '\u0152' && !foldCase;
                    destination[n++] = upper ? 'O' : 'o';
                    destination[n++] = upper ? 'E' : 'e';
                    continue;
                }
                else if (c == '\u0178')
                {
                    c = 'Y';
                }
            }

            destination[n++] = foldCase ? char.ToLowerInvariant(c) : c;
        }

        return n;
    }
}
