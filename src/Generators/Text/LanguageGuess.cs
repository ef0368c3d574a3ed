namespace HybridAI.Generators.Text;

/// <summary>
/// Guesses English or French from function words and accents. Tiny on purpose: support tickets are
/// short, and these two signals settle almost all of them.
/// </summary>
internal static class LanguageGuess
{
    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>French.</summary>
    public const string French = "fr";

    /// <summary>"fr" when French signals outnumber English ones, otherwise "en" (also for empty text).</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[34];
        int english = 0, french = 0, length = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (TextFolding.IsTermChar(c))
            {
                if (c is 'é' or 'è' or 'ê' or 'à' or 'ç' or 'ù' or 'û' or 'ô' or 'î' or 'œ' or 'É')
                {
                    french++;
                }

                if (length < 32)
                {
                    length += TextFolding.Fold(c, buffer[length..]);
                }

                continue;
            }

            if (length > 0)
            {
                ReadOnlySpan<char> word = buffer[..length];
                bool isEnglish = StopWords.IsEnglish(word);
                bool isFrench = StopWords.IsFrench(word);
                if (isEnglish && !isFrench)
                {
                    english++;
                }
                else if (isFrench && !isEnglish)
                {
                    french++;
                }

                length = 0;
            }
        }

        return french > english ? French : English;
    }

    /// <summary>Returns the normalized language code, or throws naming the bad value's origin.</summary>
    public static string Normalize(string language, string paramName)
    {
        if (string.Equals(language, English, StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }

        if (string.Equals(language, French, StringComparison.OrdinalIgnoreCase))
        {
            return French;
        }

        throw new ArgumentException($"Language '{language}' is not supported; use \"en\", \"fr\" or null to detect it.", paramName);
    }
}
