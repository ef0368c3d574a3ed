using System.Text;
using static HybridAI.Generators.Tokenization.RegexClasses;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// Hand-written matchers for the cl100k_base and o200k_base pre-tokenisation patterns as js-tiktoken writes them.
/// Each returns where the regex's match starting at a position ends, following the regex's own rules: alternatives
/// in order, greedy quantifiers giving back one code point at a time. Every position starts a match, so a text is
/// cut into pieces end to end. (A .NET Regex would read the pattern over UTF-16 units and split astral letters.)
/// </summary>
internal static class TiktokenPieces
{
    /// <summary>
    /// <c>('s|…|'D)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
    /// </summary>
    public static int Cl100kEnd(ReadOnlySpan<char> text, int start)
    {
        int contraction = Contraction(text, start);
        if (contraction > 0)
        {
            return start + contraction;
        }

        Rune first = At(text, start, out int width);
        if (IsLetter(first))
        {
            return LetterRunEnd(text, start);
        }

        if (IsWordPrefix(first) && start + width < text.Length && IsLetter(At(text, start + width, out _)))
        {
            return LetterRunEnd(text, start + width);
        }

        return NumbersOrSymbolsOrSpaceEnd(text, start, first, slashAfterNewlines: false);
    }

    /// <summary>
    /// <c>[^\r\n\p{L}\p{N}]?U*L+C?|[^\r\n\p{L}\p{N}]?U+L*C?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>
    /// where U is <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>, L is <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c> and C a contraction.
    /// </summary>
    public static int O200kEnd(ReadOnlySpan<char> text, int start)
    {
        Rune first = At(text, start, out int width);
        bool prefix = IsWordPrefix(first) && start + width < text.Length;
        int end;
        if ((prefix && (end = CasedWordEnd(text, start + width, upperRequired: false)) > 0)
            || (end = CasedWordEnd(text, start, upperRequired: false)) > 0
            || (prefix && (end = CasedWordEnd(text, start + width, upperRequired: true)) > 0)
            || (end = CasedWordEnd(text, start, upperRequired: true)) > 0)
        {
            return end;
        }

        return NumbersOrSymbolsOrSpaceEnd(text, start, first, slashAfterNewlines: true);
    }

    private static int LetterRunEnd(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && IsLetter(At(text, at, out int width)))
        {
            at += width;
        }

        return at;
    }

    private static int RunEnd(ReadOnlySpan<char> text, int at, bool lowerish)
    {
        while (at < text.Length && (lowerish ? IsLowerish(At(text, at, out int width)) : IsUpperish(At(text, at, out width))))
        {
            at += width;
        }

        return at;
    }

    // U*L+C? (upperRequired false) or U+L*C? (true), from start; -1 when it does not match there.
    private static int CasedWordEnd(ReadOnlySpan<char> text, int start, bool upperRequired)
    {
        if (start >= text.Length)
        {
            return -1;
        }

        int upperEnd = RunEnd(text, start, lowerish: false);
        int lowerStart;
        if (upperRequired)
        {
            if (upperEnd == start)
            {
                return -1;
            }

            lowerStart = upperEnd;
        }
        else if (upperEnd < text.Length && IsLowerish(At(text, upperEnd, out _)))
        {
            lowerStart = upperEnd;
        }
        else
        {
            // U* gives back code points until one it gave back can start L+ (a modifier/other letter or a mark).
            lowerStart = -1;
            for (int at = upperEnd; at > start;)
            {
                at = Before(text, at);
                if (IsLowerish(At(text, at, out _)))
                {
                    lowerStart = at;
                    break;
                }
            }

            if (lowerStart < 0)
            {
                return -1;
            }
        }

        int end = RunEnd(text, lowerStart, lowerish: true);
        return end + Contraction(text, end);
    }

    // The alternatives after the word ones, shared by both patterns: digits, a symbol run, then the whitespace rules.
    private static int NumbersOrSymbolsOrSpaceEnd(ReadOnlySpan<char> text, int start, Rune first, bool slashAfterNewlines)
    {
        int at = start;
        if (IsNumber(first))
        {
            for (int digits = 0; digits < 3 && at < text.Length && IsNumber(At(text, at, out int width)); digits++)
            {
                at += width;
            }

            return at;
        }

        if (first.Value == ' ')
        {
            at++;
        }

        if (at < text.Length && IsOther(At(text, at, out _)))
        {
            while (at < text.Length && IsOther(At(text, at, out int width)))
            {
                at += width;
            }

            while (at < text.Length && (text[at] is '\r' or '\n' || (slashAfterNewlines && text[at] == '/')))
            {
                at++;
            }

            return at;
        }

        // Whitespace: \s*[\r\n]+ ends after the run's last newline; \s+(?!\S) leaves the run's last space for the word
        // that follows; a lone space before a non-space is \s+.
        int end = start, lastNewline = -1, lastStart = start;
        while (end < text.Length && IsSpace(At(text, end, out int width)))
        {
            if (text[end] is '\r' or '\n')
            {
                lastNewline = end;
            }

            lastStart = end;
            end += width;
        }

        if (lastNewline >= 0)
        {
            return lastNewline + 1;
        }

        if (end == text.Length || lastStart == start)
        {
            return end;
        }

        return lastStart;
    }
}
