namespace HybridAI.Governance.Pii;

/// <summary>Looks for context words near a match without allocating.</summary>
internal static class Context
{
    /// <summary>True when one of <paramref name="words"/> occurs (case-insensitive, as a word) in the <paramref name="window"/> characters before <paramref name="start"/>.</summary>
    public static bool HasWordBefore(string text, int start, string[] words, int window)
    {
        var from = Math.Max(0, start - window);
        var before = text.AsSpan(from, start - from);
        foreach (var word in words)
        {
            var at = before.LastIndexOf(word, StringComparison.OrdinalIgnoreCase);
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
}
