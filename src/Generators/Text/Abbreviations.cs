using System.Collections.Frozen;

namespace HybridAI.Generators.Text;

/// <summary>Words that end with a period without ending a sentence ("Mr.", "approx.", "Mme."), folded and without the dot.</summary>
internal static class Abbreviations
{
    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
    [
        // English
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "approx", "dept", "fig", "inc", "ltd",
        "co", "corp", "vol", "cf", "eg", "ie", "al", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "ext", "ref",
        // French
        "mme", "mmes", "mlle", "mlles", "mm", "env", "tel", "art", "chap", "ex", "av", "bd", "cie", "ste", "nb",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the (original-case) word before a period is a known abbreviation.</summary>
    public static bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 8)
        {
            return false;
        }

        Span<char> folded = stackalloc char[16];
        int length = 0;
        foreach (char c in word)
        {
            length += TextFolding.Fold(c, folded[length..]);
        }

        return Lookup.Contains(folded[..length]);
    }

    /// <summary>Abbreviations that often end a sentence too ("… and so on, etc."): they end one only before a capital.</summary>
    public static bool MayEndSentence(ReadOnlySpan<char> word) =>
        word.Equals("etc", StringComparison.OrdinalIgnoreCase) || word.Equals("env", StringComparison.OrdinalIgnoreCase);
}
