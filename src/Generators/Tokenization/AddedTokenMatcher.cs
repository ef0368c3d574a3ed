namespace HybridAI.Generators.Tokenization;

/// <summary>Finds added tokens in a text, longest first at the earliest position, as Hugging Face tokenizers split on them before anything else.</summary>
internal sealed class AddedTokenMatcher
{
    private readonly Dictionary<char, AddedToken[]> _byFirstChar;

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        _byFirstChar = tokens.GroupBy(t => t.Content[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Content.Length).ToArray());
    }

    public bool IsEmpty => _byFirstChar.Count == 0;

    /// <summary>The first added token at or after <paramref name="start"/>, or null.</summary>
    public (int At, AddedToken Token)? Next(ReadOnlySpan<char> text, int start, bool includeSpecial)
    {
        for (int i = start; i < text.Length; i++)
        {
            if (!_byFirstChar.TryGetValue(text[i], out AddedToken[]? candidates))
            {
                continue;
            }

            foreach (AddedToken token in candidates)
            {
                if ((includeSpecial || !token.Special) && text[i..].StartsWith(token.Content, StringComparison.Ordinal))
                {
                    return (i, token);
                }
            }
        }

        return null;
    }
}
