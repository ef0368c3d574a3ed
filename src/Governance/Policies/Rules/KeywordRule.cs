namespace HybridAI.Governance.Policies.Rules;

/// <summary>Whole words and phrases, matched case- and accent-insensitively ("Élève" matches "eleve").</summary>
internal sealed class KeywordRule : IPolicyRule
{
    private readonly (string Folded, string Category)[] _words;

    public KeywordRule(string name, IEnumerable<(string Word, string Category)> words)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _words = [.. words.Where(w => !string.IsNullOrWhiteSpace(w.Word)).Select(w => (TextFolding.Fold(w.Word.Trim()), w.Category))];
        if (_words.Length == 0)
            throw new ArgumentException($"Policy rule '{name}' has no words.", nameof(words));
    }

    public string Name { get; }

    public void Find(string text, PolicyLocation location, List<PolicyMatch> matches)
    {
        var folded = TextFolding.Fold(text).AsSpan();
        foreach (var (word, category) in _words)
        {
            var from = 0;
            while (from < folded.Length)
            {
                var at = folded[from..].IndexOf(word, StringComparison.Ordinal);
                if (at < 0)
                    break;
                at += from;
                if (TextFolding.IsWholeWord(folded, at, word.Length))
                    matches.Add(new PolicyMatch(at, word.Length, category));
                from = at + word.Length;
            }
        }
    }
}
