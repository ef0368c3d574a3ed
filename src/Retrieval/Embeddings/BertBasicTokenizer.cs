using System.Globalization;
using System.Text;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// BERT's "basic" tokenization, the step before WordPiece: drops NUL, U+FFFD and control characters, turns every
/// whitespace into a space, puts spaces around CJK ideographs, applies NFC, splits on whitespace, then (optionally)
/// lower-cases and strips accents (NFD, combining marks removed) and splits each word on punctuation.
/// It has to match what the model was trained with, character for character, or the ids mean something else.
/// </summary>
internal static class BertBasicTokenizer
{
    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void Split(string text, bool lowerCase, bool stripAccents, List<string> words)
    {
        string cleaned = Clean(text);
        var word = new StringBuilder();
        foreach (string token in cleaned.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            string folded = lowerCase ? token.ToLowerInvariant() : token;
            if (stripAccents)
            {
                folded = StripAccents(folded);
            }

            SplitOnPunctuation(folded, word, words);
        }
    }

    /// <summary>Punctuation as BERT defines it: every ASCII non-letter non-digit printable symbol, and Unicode P*.</summary>
    public static bool IsPunctuation(Rune rune)
    {
        int cp = rune.Value;
        if (cp is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    /// <summary>The CJK Unified Ideographs blocks (not Hangul, Hiragana or Katakana, which BERT keeps as words).</summary>
    public static bool IsCjk(Rune rune) => rune.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF)
        or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F)
        or (>= 0x2B820 and <= 0x2CEAF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    private static string Clean(string text)
    {
        var output = new StringBuilder(text.Length + 8);
        foreach (Rune rune in text.EnumerateRunes())
        {
            int cp = rune.Value;
            if (cp is 0 or 0xFFFD)
            {
                continue;
            }

            if (IsWhitespace(rune))
            {
                output.Append(' ');
            }
            else if (IsControl(rune))
            {
                continue;
            }
            else if (IsCjk(rune))
            {
                Append(output.Append(' '), rune).Append(' ');
            }
            else
            {
                Append(output, rune);
            }
        }

        // NFC, so that a precomposed é and e + U+0301 are one word before accents are (or are not) stripped.
        return output.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsWhitespace(Rune rune) =>
        rune.Value is ' ' or '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator;

    // Tab, newline and carriage return are control characters to Unicode but whitespace to BERT (handled first).
    private static bool IsControl(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static string StripAccents(string word)
    {
        string decomposed = word.Normalize(NormalizationForm.FormD);
        var output = new StringBuilder(decomposed.Length);
        foreach (Rune rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                Append(output, rune);
            }
        }

        return output.ToString();
    }

    private static StringBuilder Append(StringBuilder builder, Rune rune)
    {
        Span<char> chars = stackalloc char[2];
        return builder.Append(chars[..rune.EncodeToUtf16(chars)]);
    }

    private static void SplitOnPunctuation(string token, StringBuilder word, List<string> words)
    {
        word.Clear();
        foreach (Rune rune in token.EnumerateRunes())
        {
            if (IsPunctuation(rune))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }

                words.Add(rune.ToString());
            }
            else
            {
                Append(word, rune);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
    }
}
