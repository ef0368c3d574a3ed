namespace HybridAI.Governance.Pii.Recognizers;

/// <summary>Which numbering plan a candidate fits.</summary>
internal enum PhonePlan
{
    None,
    International,
    National,
}

/// <summary>Decides whether a group of digits is written like a phone number of a known numbering plan.</summary>
internal static class PhoneNumberingPlans
{
    private const int MaxGroups = 10;
    private const int MaxDigits = 20;

    public static PhonePlan Classify(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        Span<int> groups = stackalloc int[MaxGroups];
        var digitCount = 0;
        var groupCount = 0;
        var international = value[0] == '+';
        var firstGroupInParens = false;

        for (var i = 0; i < value.Length;)
        {
            var c = value[i];
            if (!char.IsAsciiDigit(c))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
                i++;
            var length = i - start;
            var inParens = start > 0 && value[start - 1] == '(';
            // "+33 (0)6 ..." : the (0) is the trunk prefix, dialled only nationally.
            if (inParens && length == 1 && value[start] == '0' && (international || groupCount > 0))
            {
                continue;
            }
            if (groupCount == MaxGroups || digitCount + length > MaxDigits)
                return PhonePlan.None;
            if (groupCount == 0)
                firstGroupInParens = inParens;
            groups[groupCount++] = length;
            value.Slice(start, length).CopyTo(digits[digitCount..]);
            digitCount += length;
        }

        var d = digits[..digitCount];
        var g = groups[..groupCount];
        if (!international && d.Length > 2 && d[0] == '0' && d[1] == '0')
        {
            international = true;
            d = d[2..];
            g[0] -= 2;
        }
        if (international)
            return IsInternational(d) ? PhonePlan.International : PhonePlan.None;
        return IsNational(d, g, firstGroupInParens) ? PhonePlan.National : PhonePlan.None;
    }

    private static bool IsInternational(ReadOnlySpan<char> d)
    {
        if (d.Length < 8 || d.Length > 15)
            return false;
        if (d[0] == '1')
            return d.Length == 11 && d[1] >= '2';
        if (d.StartsWith("33"))
            return d.Length == 11 && d[2] != '0';
        if (d.StartsWith("44"))
            return d.Length is 11 or 12 && d[2] != '0';
        if (d.StartsWith("49"))
            return d.Length is >= 8 and <= 15 && d[2] != '0';
        return d[0] != '0';
    }

    private static bool IsNational(ReadOnlySpan<char> d, ReadOnlySpan<int> g, bool firstGroupInParens)
    {
        // US: (555) 123-4567, 555-123-4567, 555.123.4567: an area code never starts with 0 or 1.
        if (d.Length == 10 && g.Length == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4)
            return d[0] >= '2';
        if (d.Length < 9 || d[0] != '0' || d[1] == '0')
            return false;
        // France: 0X XX XX XX XX or ten digits written together.
        if (d.Length == 10 && (g.Length == 1 || (g.Length == 5 && g[0] == 2 && g[1] == 2 && g[2] == 2 && g[3] == 2 && g[4] == 2)))
            return true;
        // UK: 11 digits, 020 7946 0958, 07700 900123, 0161 496 0000, or written together.
        if (d.Length == 11 && (g.Length == 1 || (g.Length is 2 or 3 && g[0] is >= 3 and <= 5)))
            return true;
        // Germany: area code of 3-5 digits starting with 0, then the subscriber number: 030 123456, (089) 1234 567.
        if (d.Length is >= 9 and <= 12 && g.Length is 2 or 3 && g[0] is >= 3 and <= 5)
            return g.Length == 2 || firstGroupInParens || g[1] >= 3;
        return false;
    }
}
