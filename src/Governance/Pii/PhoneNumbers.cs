using HybridAI.Governance.Pii.Recognizers;

namespace HybridAI.Governance.Pii;

/// <summary>
/// Phone numbers as one canonical string, so "06 12 34 56 78", "+33 (0)6 12 34 56 78" and "0033 612345678" compare
/// equal (deduplication, lookups, pseudonymisation with a stable token). The national plans known are those of the
/// phone recognizer: US/Canada ("US", "CA"), the UK ("GB"), France ("FR") and Germany ("DE").
/// </summary>
/// <example>
/// <code>
/// PhoneNumbers.ToE164("06 12 34 56 78", "FR");       // "+33612345678"
/// PhoneNumbers.ToE164("+44 20 7946 0958", "FR");     // "+442079460958" (international numbers keep their own code)
/// PhoneNumbers.ToE164("(555) 123-4567", "US");       // "+15551234567"
/// PhoneNumbers.ToE164("order 2024-118", "US");       // null: not a phone number
/// </code>
/// </example>
public static class PhoneNumbers
{
    private const int MaxDigits = 20;
    private static readonly System.Buffers.SearchValues<char> PhoneChars = System.Buffers.SearchValues.Create("0123456789 .-()+/\u00A0");

    /// <summary>
    /// The E.164 form (+, country code, national number without the trunk 0) of a phone number written as the phone
    /// recognizer finds them, or null when <paramref name="text"/> is not a phone number of a known plan.
    /// </summary>
    /// <param name="text">The number as written: spaces, dots, dashes, parentheses and a leading + or 00 allowed.</param>
    /// <param name="defaultRegion">The ISO 3166 region of numbers written nationally: US, CA, GB (or UK), FR or DE.</param>
    /// <exception cref="ArgumentException">The region is not one of those known (the message names it).</exception>
    public static string? ToE164(string text, string defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        var countryCode = CountryCode(defaultRegion)
            ?? throw new ArgumentException($"Unknown phone region '{defaultRegion}'; known: US, CA, GB, FR, DE.", nameof(defaultRegion));
        var value = text.AsSpan().Trim();
        if (value.IsEmpty || value.ContainsAnyExcept(PhoneChars) || PhoneNumberingPlans.Classify(value) == PhonePlan.None)
            return null;

        Span<char> digits = stackalloc char[MaxDigits];
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsAsciiDigit(c))
                continue;
            // "+33 (0)6 …": the trunk prefix in parentheses is not dialled from abroad.
            if (c == '0' && i > 0 && value[i - 1] == '(' && i + 1 < value.Length && value[i + 1] == ')' && count > 0)
                continue;
            if (count == MaxDigits)
                return null;
            digits[count++] = c;
        }
        var d = digits[..count];
        if (value[0] == '+')
            return string.Concat("+", d);
        if (d.StartsWith("00"))
            return string.Concat("+", d[2..]);
        if (countryCode == "1")
            return d.Length == 10 && d[0] >= '2' ? string.Concat("+1", d) : d.Length == 11 && d[0] == '1' ? string.Concat("+", d) : null;
        return d.Length > 1 && d[0] == '0' ? string.Concat("+", countryCode, d[1..]) : null;
    }

    private static string? CountryCode(string region) => region.Trim().ToUpperInvariant() switch
    {
        "US" or "CA" => "1",
        "GB" or "UK" => "44",
        "FR" => "33",
        "DE" => "49",
        _ => null,
    };
}
