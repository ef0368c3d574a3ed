using System.Buffers;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    /// <summary>Numeric dates: 31/12/2024, 12-31-24, 31.12.2024, 2024-12-31 (day and month ranges checked).</summary>
    public static IPiiRecognizer NumericDate() =>
        new TokenRegexRecognizer("date-numeric", PiiTypes.Date, NumericDateCandidateRegex(), SearchValues.Create("0123456789/.-"), 4, IsNumericDate, BirthContext, 0.6);

    /// <summary>Written dates in English and French: "March 5, 2024", "5th of March", "1er janvier 2020", "12 févr. 2023".</summary>
    public static IPiiRecognizer WrittenDate() =>
        new WrittenDateRecognizer(BirthContext);

    internal static bool IsNumericDate(ReadOnlySpan<char> value)
    {
        Span<int> parts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var count = 0;
        for (var i = 0; i < value.Length;)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                i++;
                continue;
            }
            var n = 0;
            var start = i;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
                n = (n * 10) + (value[i++] - '0');
            if (count == 3)
                return false;
            lengths[count] = i - start;
            parts[count++] = n;
        }
        if (count != 3)
            return false;
        if (lengths[0] == 4)
            return parts[0] is >= 1000 and <= 2999 && IsDayMonth(parts[2], parts[1]);
        return IsDayMonth(parts[0], parts[1]) || IsDayMonth(parts[1], parts[0]); // day-first or month-first
    }

    private static bool IsDayMonth(int day, int month) => day is >= 1 and <= 31 && month is >= 1 and <= 12;
}
