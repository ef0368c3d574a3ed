using System.Text;

namespace HybridAI.Governance.Policies;

/// <summary>
/// Lower-cases and strips accents one character for one character ("Élève" -> "eleve"), so a match in the folded
/// text has the same offsets in the original.
/// </summary>
internal static class TextFolding
{
    private static readonly char[] Latin = BuildLatin();

    public static string Fold(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = Fold(source[i]);
        });
    }

    public static char Fold(char c)
    {
        if (c < 0x80)
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        if (c < 0x250)
            return Latin[c];
        return c switch
        {
            '\u2019' or '\u2018' or '\u02BC' => '\'',
            '\u00A0' or '\u202F' => ' ',
            _ => char.ToLowerInvariant(c),
        };
    }

    private static char[] BuildLatin()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            table[c] = decomposed.Length > 0 && decomposed[0] < 0x250 ? decomposed[0] : lower;
        }
        table[0xA0] = ' ';
        table[0xDF] = 's'; // ß: one character for one
        table[0xE6] = 'a';
        table[0x153] = 'o';
        return table;
    }

    /// <summary>True when [start, start+length) of <paramref name="text"/> is a whole word (no letter or digit on either side).</summary>
    public static bool IsWholeWord(ReadOnlySpan<char> text, int start, int length) =>
        (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (start + length >= text.Length || !char.IsLetterOrDigit(text[start + length]));
}
