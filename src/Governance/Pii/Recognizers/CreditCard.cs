using System.Buffers;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    private static readonly string[] CardContext = ["card", "carte", "visa", "mastercard", "amex", "cb", "credit", "crédit", "karte"];

    /// <summary>Payment card numbers: 13-19 digits (spaces or dashes allowed), Luhn-valid, with a known issuer prefix.</summary>
    public static IPiiRecognizer CreditCard() =>
        new TokenRegexRecognizer("credit-card", PiiTypes.CreditCard, CreditCardCandidateRegex(), SearchValues.Create("0123456789 -"), 13, IsCardNumber, CardContext, 0.9);

    internal static bool IsCardNumber(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[19];
        var count = 0;
        var separator = '\0';
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                    return false;
                digits[count++] = c;
            }
            else if (separator == '\0')
            {
                separator = c;
            }
            else if (separator != c)
            {
                return false; // mixed separators: not how card numbers are written
            }
        }
        return count >= 13 && HasIssuerPrefix(digits[..count]) && Checksums.Luhn(digits[..count]);
    }

    private static bool HasIssuerPrefix(ReadOnlySpan<char> d)
    {
        var n = d.Length;
        var p2 = ((d[0] - '0') * 10) + (d[1] - '0');
        var p4 = (p2 * 100) + ((d[2] - '0') * 10) + (d[3] - '0');
        return d[0] switch
        {
            '4' => n is 13 or 16 or 19,                                             // Visa
            '2' => n == 16 && p4 is >= 2221 and <= 2720,                             // Mastercard 2-series
            '5' => p2 is >= 51 and <= 55 ? n == 16 : n is >= 12 and <= 19 && p2 is 50 or >= 56, // Mastercard, Maestro
            '3' => p2 switch
            {
                34 or 37 => n == 15,                                                 // American Express
                36 or 38 or 39 => n is >= 14 and <= 19,                              // Diners Club
                30 => p4 / 10 is >= 300 and <= 305 && n is >= 14 and <= 19,          // Diners Club
                35 => p4 is >= 3528 and <= 3589 && n is >= 16 and <= 19,             // JCB
                _ => false,
            },
            '6' => n is >= 12 and <= 19,                                             // Discover, UnionPay, Maestro
            _ => false,
        };
    }
}
