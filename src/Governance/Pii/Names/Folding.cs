using System.Globalization;
using System.Text;

namespace HybridAI.Governance.Pii.Names;

/// <summary>
/// Folds a word for lookup: lower case, accents removed, curly apostrophe as straight ("Hélène" = "helene"), then
/// hashes it with 64-bit FNV-1a. Gazetteers and tagger features meet on these hashes, so no string is built per token.
/// </summary>
internal static class Folding
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    // Latin letters up to U+024F fold through a table built once; other characters are only lower-cased.
    private static readonly char[] Table = BuildTable();

    public static char Fold(char c)
    {
        if (c < Table.Length)
            return Table[c];
        return c == '’' ? '\'' : char.ToLowerInvariant(c);
    }

    /// <summary>The hash of the folded word.</summary>
    public static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = Seed;
        foreach (var c in word)
            h = Mix(h, Fold(c));
        return h;
    }

    /// <summary>The hash of the folded last <paramref name="n"/> characters (all when shorter), salted by <paramref name="salt"/>.</summary>
    public static ulong HashSuffix(ReadOnlySpan<char> word, int n, ulong salt) =>
        HashSalted(word.Length <= n ? word : word[^n..], salt);

    /// <summary>The hash of the folded first <paramref name="n"/> characters (all when shorter), salted by <paramref name="salt"/>.</summary>
    public static ulong HashPrefix(ReadOnlySpan<char> word, int n, ulong salt) =>
        HashSalted(word.Length <= n ? word : word[..n], salt);

    private static ulong HashSalted(ReadOnlySpan<char> part, ulong salt)
    {
        var h = Seed ^ salt;
        foreach (var c in part)
            h = Mix(h, Fold(c));
        return h;
    }

    /// <summary>Extends a token-sequence hash with the next token's hash.</summary>
    public static ulong Append(ulong sequence, ulong token) => (sequence ^ token) * Prime + 0x9E3779B97F4A7C15UL;

    private static ulong Mix(ulong h, char c) => ((h ^ (byte)c) * Prime ^ (byte)(c >> 8)) * Prime;

    private static char[] BuildTable()
    {
        var table = new char[0x250];
        Span<char> one = stackalloc char[1];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            var lower = char.ToLowerInvariant(c);
            var baseChar = lower;
            if (char.IsLetter(c) && c >= 0x80)
            {
                one[0] = lower;
                var decomposed = new string(one).Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) is UnicodeCategory.LowercaseLetter)
                    baseChar = decomposed[0];
            }
            table[i] = baseChar;
        }
        table['ß'] = 's';
        return table;
    }
}
