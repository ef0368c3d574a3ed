using System.Buffers;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    private static readonly string[] NirContext = ["sécurité sociale", "securite sociale", "nir", "insee", "sécu", "secu", "carte vitale"];

    /// <summary>French social security numbers (NIR): 13 digits (2A/2B for Corsica) and a key equal to 97 - (n mod 97).</summary>
    public static IPiiRecognizer FrenchNir() =>
        new TokenRegexRecognizer("fr-nir", PiiTypes.FrNir, NirCandidateRegex(), SearchValues.Create("0123456789 ABab"), 13, IsNir, NirContext, 0.95);

    internal static bool IsNir(ReadOnlySpan<char> value)
    {
        Span<char> c = stackalloc char[15];
        var count = 0;
        foreach (var ch in value)
        {
            if (ch == ' ')
                continue;
            if (count == 15)
                return false;
            c[count++] = ch;
        }
        if (count != 15)
            return false;
        long n = 0;
        for (var i = 0; i < 13; i++)
        {
            var ch = c[i];
            int digit;
            if (char.IsAsciiDigit(ch))
                digit = ch - '0';
            else if (i == 6 && char.ToUpperInvariant(ch) is 'A' or 'B')
                digit = -1;
            else
                return false;
            if (digit < 0)
            {
                // Corsica: the key is computed as if the department were 19 (2A) or 18 (2B).
                n = (n - 2) * 10 + (char.ToUpperInvariant(ch) == 'A' ? 19 : 18);
                continue;
            }
            n = (n * 10) + digit;
        }
        if (!char.IsAsciiDigit(c[13]) || !char.IsAsciiDigit(c[14]))
            return false;
        var key = ((c[13] - '0') * 10) + (c[14] - '0');
        return key == 97 - (n % 97);
    }
}
