using System.Globalization;
using System.Text;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// The character classes of the tiktoken patterns as a JavaScript <c>u</c>-mode regex sees them: over code points,
/// not UTF-16 units (so astral letters and digits count as letters and digits), with JavaScript's <c>\s</c>.
/// A lone surrogate reads as U+FFFD, which is what it becomes in UTF-8.
/// </summary>
internal static class RegexClasses
{
    /// <summary>The code point at <paramref name="index"/> and how many chars it takes.</summary>
    public static Rune At(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        if (!char.IsSurrogate(c))
        {
            width = 1;
            return new Rune(c);
        }

        Rune.DecodeFromUtf16(text[index..], out Rune rune, out width);
        return rune;
    }

    /// <summary>Where the code point before <paramref name="index"/> starts.</summary>
    public static int Before(ReadOnlySpan<char> text, int index) =>
        index >= 2 && char.IsLowSurrogate(text[index - 1]) && char.IsHighSurrogate(text[index - 2]) ? index - 2 : index - 1;

    /// <summary>JavaScript's <c>\s</c>: the Zs spaces, tab, LF, VT, FF, CR, U+2028, U+2029 and U+FEFF (not U+0085).</summary>
    public static bool IsSpace(Rune r) => r.Value switch
    {
        ' ' or (>= '\t' and <= '\r') or 0x2028 or 0x2029 or 0xFEFF => true,
        < 0x80 => false,
        _ => Rune.GetUnicodeCategory(r) == UnicodeCategory.SpaceSeparator,
    };

    public static bool IsNewline(Rune r) => r.Value is '\r' or '\n';

    /// <summary><c>\p{L}</c>.</summary>
    public static bool IsLetter(Rune r) => r.Value < 0x80
        ? (uint)((r.Value | 0x20) - 'a') <= 'z' - 'a'
        : Rune.GetUnicodeCategory(r) <= UnicodeCategory.OtherLetter;

    /// <summary><c>\p{N}</c>.</summary>
    public static bool IsNumber(Rune r) => r.Value < 0x80
        ? (uint)(r.Value - '0') <= 9
        : Rune.GetUnicodeCategory(r) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary><c>[^\s\p{L}\p{N}]</c>.</summary>
    public static bool IsOther(Rune r) => !IsLetter(r) && !IsNumber(r) && !IsSpace(r);

    /// <summary><c>[^\r\n\p{L}\p{N}]</c>: what may stand before a word.</summary>
    public static bool IsWordPrefix(Rune r) => !IsNewline(r) && !IsLetter(r) && !IsNumber(r);

    /// <summary>o200k's upper-case-ish class <c>[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]</c>.</summary>
    public static bool IsUpperish(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>o200k's lower-case-ish class <c>[\p{Ll}\p{Lm}\p{Lo}\p{M}]</c>.</summary>
    public static bool IsLowerish(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.LowercaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>The length of an English contraction (<c>'s 't 're 've 'm 'll 'd</c>, any case) at <paramref name="index"/>, or 0.</summary>
    public static int Contraction(ReadOnlySpan<char> text, int index)
    {
        if (index + 1 >= text.Length || text[index] != '\'')
        {
            return 0;
        }

        switch (text[index + 1] | 0x20)
        {
            case 's' or 't' or 'm' or 'd':
                return 2;
            case 'r' or 'v' when index + 2 < text.Length && (text[index + 2] | 0x20) == 'e':
                return 3;
            case 'l' when index + 2 < text.Length && (text[index + 2] | 0x20) == 'l':
                return 3;
            default:
                return 0;
        }
    }
}
