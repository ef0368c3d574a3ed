namespace HybridAI.Governance.Policies.Rules;

/// <summary>
/// Output that repeats the system prompt: any run of <c>window</c> consecutive words of the prompt (folded) found in
/// the output. Short prompts (fewer words than the window) are matched whole.
/// </summary>
internal sealed class SystemPromptLeakRule : IPolicyRule
{
    private readonly string[] _shingles;

    public SystemPromptLeakRule(string systemPrompt, int window)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(systemPrompt);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 3);
        var words = TextFolding.Fold(systemPrompt).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var n = Math.Min(window, words.Length);
        _shingles = [.. Enumerable.Range(0, words.Length - n + 1).Select(i => string.Join(' ', words, i, n)).Distinct()];
    }

    public string Name => "system-prompt-leak";

    public void Find(string text, PolicyLocation location, List<PolicyMatch> matches)
    {
        if (location != PolicyLocation.Output)
            return;
        // Whitespace collapsed to single spaces, keeping a map back to the original offsets.
        var map = new int[text.Length];
        var buffer = new char[text.Length];
        var n = 0;
        var space = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (space)
                    continue;
                space = true;
                map[n] = i;
                buffer[n++] = ' ';
                continue;
            }
            space = false;
            map[n] = i;
            buffer[n++] = TextFolding.Fold(text[i]);
        }
        var collapsed = buffer.AsSpan(0, n);
        foreach (var shingle in _shingles)
        {
            var at = collapsed.IndexOf(shingle, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = map[at + shingle.Length - 1] + 1;
                matches.Add(new PolicyMatch(map[at], end - map[at], "system-prompt"));
                return;
            }
        }
    }
}
