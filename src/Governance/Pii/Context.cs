namespace HybridAI.Governance.Pii;

/// <summary>Looks for context words near a match without allocating.</summary>
internal static class Context
{
    private const int MaxWindow = 128;

    /// <summary>
    /// True when one of <paramref name="words"/> (given in lower case) occurs as a word in the <paramref name="window"/>
    /// characters before <paramref name="start"/>, ignoring case.
    /// </summary>
    public static bool HasWordBefore(string text, int start, string[] words, int window)
    {
        var from = Math.Max(0, start - Math.Min(window, MaxWindow));
        // Lower-case the window once, so each word is an ordinal (vectorized) search.
        Span<char> before = stackalloc char[start - from];
        text.AsSpan(from, start - from).ToLowerInvariant(before);
        foreach (var word in words)
        {
            var at = before.LastIndexOf(word);
            if (at < 0)
                continue;
            var leftOk = at == 0 || !char.IsLetterOrDigit(before[at - 1]);
            var end = at + word.Length;
            var rightOk = end >= before.Length || !char.IsLetter(before[end]);
            if (leftOk && rightOk)
                return true;
        }
        return false;
    }

    /// <summary>Lower-cases context words once, when a recognizer is built.</summary>
    public static string[] Normalize(IEnumerable<string> words) =>
        [.. words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.ToLowerInvariant())];
}
