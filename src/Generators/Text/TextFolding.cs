namespace HybridAI.Generators.Text;

/// <summary>
/// Lower-cases and strips French/Latin-1 accents one character at a time, so "Réponse" and
/// "reponse" meet as one term without allocating a normalized copy of the text.
/// </summary>
internal static class TextFolding
{
    /// <summary>Writes the folded form of <paramref name="c"/> into <paramref name="destination"/>; returns how many chars (1 or 2) were written.</summary>
    public static int Fold(char c, Span<char> destination)
    {
        if (c < 128)
        {
            destination[0] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            return 1;
        }

        char lower = char.ToLowerInvariant(c);
        switch (lower)
        {
            case 'à' or 'á' or 'â' or 'ã' or 'ä' or 'å': destination[0] = 'a'; return 1;
            case 'ç': destination[0] = 'c'; return 1;
            case 'è' or 'é' or 'ê' or 'ë': destination[0] = 'e'; return 1;
            case 'ì' or 'í' or 'î' or 'ï': destination[0] = 'i'; return 1;
            case 'ñ': destination[0] = 'n'; return 1;
            case 'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø': destination[0] = 'o'; return 1;
            case 'ù' or 'ú' or 'û' or 'ü': destination[0] = 'u'; return 1;
            case 'ý' or 'ÿ': destination[0] = 'y'; return 1;
            case 'œ': destination[0] = 'o'; destination[1] = 'e'; return 2;
            case 'æ': destination[0] = 'a'; destination[1] = 'e'; return 2;
            case 'ß': destination[0] = 's'; destination[1] = 's'; return 2;
            default: destination[0] = lower; return 1;
        }
    }

    /// <summary>True for letters and digits, the characters a term is made of.</summary>
    public static bool IsTermChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>
    /// <paramref name="text"/> with every run of whitespace turned into one space; the same instance when it has none
    /// to change (the usual case for a quoted sentence), so rendering a draft does not copy every sentence.
    /// </summary>
    public static string OneLine(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
            {
                return TextPatterns.Whitespace().Replace(text, " ");
            }
        }

        return text;
    }
}
