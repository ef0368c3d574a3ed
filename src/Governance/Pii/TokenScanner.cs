using System.Buffers;
using System.Text.RegularExpressions;

namespace HybridAI.Governance.Pii;

/// <summary>
/// Walks the starts of tokens (a start character not preceded by a letter or digit) and tries a <c>\G</c>-anchored
/// pattern only there. Numbers are rare in text, so this costs a vectorized search plus one attempt per number,
/// where a plain regex scan would attempt a match at every digit.
/// </summary>
internal static class TokenScanner
{
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>The next token start at or after <paramref name="from"/>, or -1.</summary>
    public static int Next(string text, int from, SearchValues<char> starts)
    {
        while (from < text.Length)
        {
            var i = text.AsSpan(from).IndexOfAny(starts);
            if (i < 0)
                return -1;
            i += from;
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
                return i;
            from = i + 1;
        }
        return -1;
    }

    /// <summary>The length of the match of <paramref name="anchored"/> (a pattern starting with \G) at <paramref name="at"/>, or 0.</summary>
    public static int MatchAt(Regex anchored, string text, int at)
    {
        foreach (var m in anchored.EnumerateMatches(text, at))
            return m.Index == at ? m.Length : 0;
        return 0;
    }
}

/// <summary>
/// A <see cref="RegexRecognizer"/> for numbers, driven by <see cref="TokenScanner"/>. Before trying the pattern it counts
/// the digits in the run of <paramref name="body"/> characters at the token start: a run with fewer than
/// <paramref name="minDigits"/> digits cannot hold a match and is skipped whole.
/// </summary>
internal sealed class TokenRegexRecognizer(
    string name, string type, Regex anchored, SearchValues<char> body, int minDigits, Func<ReadOnlySpan<char>, bool> validator,
    string[] contextWords, double score) : IPiiRecognizer
{
    public string Name => name;

    public void Recognize(string text, List<Abstractions.Privacy.PiiFinding> findings)
    {
        var at = TokenScanner.Next(text, 0, TokenScanner.Digits);
        while (at >= 0)
        {
            var run = text.AsSpan(at).IndexOfAnyExcept(body);
            var runEnd = run < 0 ? text.Length : at + run;
            var digits = 0;
            foreach (var c in text.AsSpan(at, runEnd - at))
            {
                if (char.IsAsciiDigit(c))
                    digits++;
            }
            if (digits < minDigits)
            {
                at = TokenScanner.Next(text, runEnd, TokenScanner.Digits);
                continue;
            }
            var length = TokenScanner.MatchAt(anchored, text, at);
            if (length > 0 && validator(text.AsSpan(at, length)))
            {
                var s = contextWords.Length > 0 && Context.HasWordBefore(text, at, contextWords, RegexRecognizer.ContextWindow)
                    ? Math.Min(1.0, score + RegexRecognizer.ContextBoost)
                    : score;
                findings.Add(new Abstractions.Privacy.PiiFinding(type, at, length, s, name));
                at = TokenScanner.Next(text, at + length, TokenScanner.Digits);
            }
            else
            {
                at = TokenScanner.Next(text, at + 1, TokenScanner.Digits);
            }
        }
    }
}
