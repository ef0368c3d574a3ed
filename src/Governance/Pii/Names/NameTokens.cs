using System.Buffers;

namespace HybridAI.Governance.Pii.Names;

/// <summary>One token of text: a word (letters, with inner hyphens and "O'Brien" apostrophes), a number, or one other character.</summary>
internal readonly record struct NameToken(int Start, int Length, TokenFlags Flags)
{
    public int End => Start + Length;
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Word = 1,
    Number = 2,
    Capitalised = 4,
    AllCaps = 8,
    /// <summary>First token of the text, of a line, or after ". ! ?".</summary>
    SentenceStart = 16,
}

/// <summary>Splits text into <see cref="NameToken"/>s in a pooled array; whitespace is skipped.</summary>
internal static class NameTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/>, replacing it by a larger pooled array when full.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, ref NameToken[] tokens)
    {
        var count = 0;
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                    sentenceStart = true;
                i++;
                continue;
            }
            var start = i;
            TokenFlags flags;
            if (char.IsLetter(c))
            {
                i = WordEnd(text, i);
                flags = TokenFlags.Word | Case(text[start..i]);
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                    i++;
                flags = TokenFlags.Number;
            }
            else
            {
                i++;
                flags = TokenFlags.None;
            }
            if (sentenceStart)
                flags |= TokenFlags.SentenceStart;
            sentenceStart = c is '.' or '!' or '?' && !IsAbbreviationDot(tokens, count, start);
            if (count == tokens.Length)
                Grow(ref tokens);
            tokens[count++] = new NameToken(start, i - start, flags);
        }
        return count;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int i)
    {
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c) || c == '\u0301')
            {
                i++;
            }
            else if (c == '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                i++;
            }
            // "O'Brien", "D'Angelo": one capital before the apostrophe and a capital after it.
            else if (c is '\'' or '’' && i == start + 1 && char.IsUpper(text[start]) && i + 1 < text.Length && char.IsUpper(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    private static TokenFlags Case(ReadOnlySpan<char> word)
    {
        if (!char.IsUpper(word[0]))
            return TokenFlags.None;
        if (word.Length > 1 && !word.ContainsAnyExcept(Upper))
            return TokenFlags.Capitalised | TokenFlags.AllCaps;
        foreach (var c in word)
        {
            if (char.IsLower(c))
                return TokenFlags.Capitalised;
        }
        return word.Length > 1 ? TokenFlags.Capitalised | TokenFlags.AllCaps : TokenFlags.Capitalised;
    }

    private static readonly SearchValues<char> Upper = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ-'’");

    // "M. Dupont", "Dr. Smith", "Mr. Jones": a dot after a short capitalised word does not end the sentence.
    private static bool IsAbbreviationDot(NameToken[] tokens, int count, int dot)
    {
        if (count == 0)
            return false;
        var previous = tokens[count - 1];
        return previous.End == dot && (previous.Flags & TokenFlags.Capitalised) != 0 && previous.Length <= 3;
    }

    private static void Grow(ref NameToken[] tokens)
    {
        var bigger = ArrayPool<NameToken>.Shared.Rent(Math.Max(64, tokens.Length * 2));
        tokens.AsSpan().CopyTo(bigger);
        // The smaller array is left to the collector: it may not come from the pool (a caller's own buffer).
        tokens = bigger;
    }
}
