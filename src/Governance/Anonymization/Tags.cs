namespace HybridAI.Governance.Anonymization;

/// <summary>
/// Text shaped like what the operators write: <c>&lt;PERSON_1&gt;</c>, <c>&lt;EMAIL&gt;</c>, <c>&lt;EMAIL:9f3a…&gt;</c>,
/// <c>&lt;ENC:EMAIL:…&gt;</c>. In a model's output these are never personal data themselves, so no finding may cut into them.
/// </summary>
internal static class Tags
{
    /// <summary>The longest tag recognized (an encrypted token of a long value).</summary>
    public const int MaxLength = EncryptedToken.MaxLength + 80;

    /// <summary>The tag's length when <paramref name="text"/> starts with a complete one; 0 when it is no tag; -1 when it may be one whose end is not there yet.</summary>
    public static int Measure(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] != '<')
            return 0;
        var i = 1;
        var limit = Math.Min(text.Length, MaxLength);
        while (i < limit && IsName(text[i]))
            i++;
        if (i == limit)
            return limit == text.Length && limit < MaxLength ? -1 : 0;
        if (i == 1)
            return 0;
        if (text[i] == '>')
            return i + 1;
        if (text[i] != ':')
            return 0;
        for (i++; i < limit; i++)
        {
            var c = text[i];
            if (c == '>')
                return i + 1;
            if (!(IsName(c) || c is ':' or '-' or (>= 'a' and <= 'z')))
                return 0;
        }
        return limit == text.Length && limit < MaxLength ? -1 : 0;
    }

    private static bool IsName(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
