using System.Buffers;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    private static readonly string[] SsnContext = ["ssn", "social security", "social sec", "sécurité sociale américaine"];

    /// <summary>US social security numbers written 123-45-6789 or 123 45 6789, with valid area, group and serial.</summary>
    public static IPiiRecognizer UsSsn() =>
        new TokenRegexRecognizer("us-ssn", PiiTypes.UsSsn, SsnRegex(), SearchValues.Create("0123456789 -"), 9, IsSsn, SsnContext, 0.85);

    /// <summary>US social security numbers written as nine bare digits; reported only after a word such as "SSN".</summary>
    public static IPiiRecognizer UsSsnWithoutSeparators() =>
        new TokenRegexRecognizer("us-ssn-bare", PiiTypes.UsSsn, NineDigitsRegex(), TokenScanner.Digits, 9, IsSsn, SsnContext, 0.3);

    internal static bool IsSsn(ReadOnlySpan<char> value)
    {
        Span<int> d = stackalloc int[9];
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == 9)
                    return false;
                d[count++] = c - '0';
            }
        }
        if (count != 9)
            return false;
        var area = (d[0] * 100) + (d[1] * 10) + d[2];
        var group = (d[3] * 10) + d[4];
        var serial = (d[5] * 1000) + (d[6] * 100) + (d[7] * 10) + d[8];
        // Never issued: area 000, 666, 900-999; group 00; serial 0000. 078-05-1120 is the famous wallet sample.
        if (area is 0 or 666 or >= 900 || group == 0 || serial == 0)
            return false;
        return !(area == 78 && group == 5 && serial == 1120);
    }
}
