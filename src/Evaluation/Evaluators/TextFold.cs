using System.Globalization;
using System.Text;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>Folds text for lenient matching: lower case, accents removed, any run of whitespace one space, trimmed.</summary>
internal static class TextFold
{
    public static string Fold(string text)
    {
        string decomposed;
        try
        {
            decomposed = text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = text; // a lone surrogate cannot be normalised; match the text as it is rather than fail the evaluation
        }
        var folded = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            if (c == 'ß')
            {
                folded.Append("ss");
                continue;
            }

            folded.Append(c switch
            {
                'ø' or 'Ø' => 'o',
                '’' or '‘' => '\'',
                _ => char.ToLowerInvariant(c),
            });
        }

        return folded.ToString();
    }

    /// <summary>Whether the folded phrase occurs in the folded text at word boundaries.</summary>
    public static bool ContainsPhrase(string foldedText, string foldedPhrase)
    {
        if (foldedPhrase.Length == 0)
        {
            return false;
        }

        for (int at = foldedText.IndexOf(foldedPhrase, StringComparison.Ordinal); at >= 0; at = foldedText.IndexOf(foldedPhrase, at + 1, StringComparison.Ordinal))
        {
            int end = at + foldedPhrase.Length;
            bool startOk = at == 0 || !char.IsLetterOrDigit(foldedText[at - 1]) || !char.IsLetterOrDigit(foldedPhrase[0]);
            bool endOk = end == foldedText.Length || !char.IsLetterOrDigit(foldedText[end]) || !char.IsLetterOrDigit(foldedPhrase[^1]);
            if (startOk && endOk)
            {
                return true;
            }
        }

        return false;
    }
}
