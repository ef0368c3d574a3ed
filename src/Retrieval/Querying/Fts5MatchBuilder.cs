using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace HybridAI.Retrieval.Querying;

/// <summary>
/// Turns free text typed by a user into an FTS5 MATCH expression that cannot fail to parse: the text is cut into
/// words the way the unicode61 tokenizer cuts it, every word becomes a double-quoted string (so AND, NEAR(, *, ^, :
/// and quotes are just text), stop words are dropped, and the words are OR-ed so a partial match still ranks.
/// </summary>
internal sealed class Fts5MatchBuilder
{
    /// <summary>Bounds the work of one query; longer texts are pasted tickets, not questions.</summary>
    public const int MaxTerms = 32;

    private const int MinStemLength = 4;

    // Longest first, so "ements" wins over "s". A crude, language-agnostic stand-in for a stemmer: the remaining stem
    // is searched as a prefix, which lets "remboursement" find "remboursé" and "refunded" find "refund".
    private static readonly string[] Suffixes =
    [
        "issements", "issement", "ements", "ations", "ement", "ation", "ments", "ment", "ings", "ing", "ies", "ied",
        "ées", "ée", "és", "ed", "es", "er", "ez", "ly", "é", "e", "s",
    ];

    private readonly FrozenSet<string> _stopWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopWordLookup;
    private readonly bool _matchWordForms;

    public Fts5MatchBuilder(IEnumerable<string> stopWords, bool matchWordForms)
    {
        _stopWords = stopWords.Select(static w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _stopWordLookup = _stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _matchWordForms = matchWordForms;
    }

    /// <summary>The MATCH expression, or null when the text holds no word at all (nothing can match).</summary>
    public string? Build(ReadOnlySpan<char> query)
    {
        var terms = new List<string>();
        var stopped = new List<string>();
        Span<char> lower = stackalloc char[128];
        int i = 0;
        while (i < query.Length && terms.Count < MaxTerms)
        {
            while (i < query.Length && !IsWordChar(query[i]))
            {
                i++;
            }

            int start = i;
            while (i < query.Length && IsWordChar(query[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            ReadOnlySpan<char> word = query[start..i];
            Span<char> buffer = word.Length <= lower.Length ? lower[..word.Length] : new char[word.Length];
            word.ToLowerInvariant(buffer);
            ReadOnlySpan<char> token = buffer;

            List<string> target = _stopWordLookup.Contains(token) ? stopped : terms;
            if (!Contains(target, token))
            {
                target.Add(token.ToString());
            }
        }

        // A query made only of stop words ("not", "où ?") still deserves to be searched as typed.
        List<string> chosen = terms.Count > 0 ? terms : stopped;
        if (chosen.Count == 0)
        {
            return null;
        }

        var match = new StringBuilder(chosen.Count * 24);
        foreach (string term in chosen)
        {
            AppendOr(match);
            AppendQuoted(match, term);
            if (_matchWordForms && Stem(term) is { } stem)
            {
                match.Append(" OR ");
                AppendQuoted(match, stem);
                match.Append('*');
            }
        }

        return match.ToString();
    }

    /// <summary>The prefix searched for other forms of a word, or null for short words and numbers.</summary>
    internal static string? Stem(string term)
    {
        if (term.Length < MinStemLength || !char.IsLetter(term[0]))
        {
            return null;
        }

        foreach (string suffix in Suffixes)
        {
            if (term.Length - suffix.Length >= MinStemLength && term.EndsWith(suffix, StringComparison.Ordinal))
            {
                return term[..^suffix.Length];
            }
        }

        return term;
    }

    /// <summary>Letters, digits and combining marks: what unicode61 keeps inside a token.</summary>
    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.PrivateUse;
    }

    private static bool Contains(List<string> list, ReadOnlySpan<char> token)
    {
        foreach (string item in list)
        {
            if (token.SequenceEqual(item))
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendOr(StringBuilder match)
    {
        if (match.Length > 0)
        {
            match.Append(" OR ");
        }
    }

    private static void AppendQuoted(StringBuilder match, string term)
    {
        // Terms hold only word characters, but doubling quotes keeps the expression safe whatever the tokenizer rule.
        match.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
