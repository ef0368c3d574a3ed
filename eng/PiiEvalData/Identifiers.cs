using System.Globalization;
using System.Numerics;
using System.Text;

namespace HybridAI.PiiEvalData;

/// <summary>Check-digit-valid identifiers: payment cards (Luhn, issuer ranges), IBANs (mod 97), US SSNs, French NIRs.</summary>
public static class Identifiers
{
    private static readonly (string Prefix, int Length)[] CardRanges =
        [("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("2720", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("4", 13)];

    /// <summary>A Luhn-valid card number of a real issuer range, formatted as people write it.</summary>
    public static string Card(SeededRandom r, bool valid = true)
    {
        var (prefix, length) = r.Pick(CardRanges);
        if (length == 13)
            length = 16; // 13-digit Visa is rare in text; keep the range but write 16 digits
        var digits = prefix + r.Digits(length - prefix.Length - 1);
        var check = LuhnCheckDigit(digits);
        if (!valid)
            check = (check + 1 + r.Next(9)) % 10;
        digits += (char)('0' + check);
        var separator = r.Next(3) switch { 0 => " ", 1 => "-", _ => "" };
        if (separator.Length == 0)
            return digits;
        return length == 15
            ? string.Join(separator, digits[..4], digits[4..10], digits[10..])
            : string.Join(separator, digits[..4], digits[4..8], digits[8..12], digits[12..]);
    }

    public static int LuhnCheckDigit(string payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - (sum % 10)) % 10;
    }

    private static readonly (string Country, string Pattern)[] IbanFormats =
        // n = digit, a = upper-case letter, c = letter or digit (the BBAN layout of each country)
        [("FR", "nnnnnnnnnncccccccccccnn"), ("DE", "nnnnnnnnnnnnnnnnnn"), ("GB", "aaaannnnnnnnnnnnnn"), ("ES", "nnnnnnnnnnnnnnnnnnnn"), ("IT", "annnnnnnnnncccccccccccc"), ("BE", "nnnnnnnnnnnn"), ("NL", "aaaannnnnnnnnn")];

    /// <summary>A mod-97-valid IBAN of <paramref name="country"/> (or a random one of seven countries), grouped by four or not.</summary>
    public static string Iban(SeededRandom r, string? country = null)
    {
        var (code, pattern) = country is null ? r.Pick(IbanFormats) : IbanFormats.First(f => f.Country == country);
        var bban = new StringBuilder(pattern.Length);
        foreach (var p in pattern)
        {
            bban.Append(p switch
            {
                'n' => (char)('0' + r.Next(10)),
                'a' => (char)('A' + r.Next(26)),
                _ => r.Chance(90) ? (char)('0' + r.Next(10)) : (char)('A' + r.Next(26)),
            });
        }
        var check = 98 - Mod97(bban + code + "00");
        var iban = code + check.ToString("00", CultureInfo.InvariantCulture) + bban;
        if (r.Chance(35))
            return iban;
        var grouped = new StringBuilder();
        for (var i = 0; i < iban.Length; i += 4)
            grouped.Append(i == 0 ? "" : " ").Append(iban.AsSpan(i, Math.Min(4, iban.Length - i)));
        return grouped.ToString();
    }

    private static int Mod97(string alphanumeric)
    {
        var remainder = 0;
        foreach (var c in alphanumeric)
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    /// <summary>A US SSN with a valid area (not 000, 666 or 9xx), group and serial.</summary>
    public static string UsSsn(SeededRandom r)
    {
        int area;
        do
        {
            area = r.Next(1, 900);
        }
        while (area == 666);
        var separator = r.Chance(85) ? "-" : " ";
        return area.ToString("000", CultureInfo.InvariantCulture) + separator + r.Next(1, 100).ToString("00", CultureInfo.InvariantCulture) + separator + r.Next(1, 10000).ToString("0000", CultureInfo.InvariantCulture);
    }

    /// <summary>A French NIR (numéro de sécurité sociale) with its valid key: 97 - (number mod 97), Corsica 2A/2B counted as 19/18.</summary>
    public static string FrenchNir(SeededRandom r)
    {
        var sex = r.Chance(50) ? "1" : "2";
        var year = r.Next(100).ToString("00", CultureInfo.InvariantCulture);
        var month = r.Next(1, 13).ToString("00", CultureInfo.InvariantCulture);
        var department = r.Next(40) switch
        {
            0 => "2A",
            1 => "2B",
            _ => r.Next(1, 96) is var d && d == 20 ? "21" : d.ToString("00", CultureInfo.InvariantCulture),
        };
        var commune = r.Next(1, 991).ToString("000", CultureInfo.InvariantCulture);
        var order = r.Next(1, 1000).ToString("000", CultureInfo.InvariantCulture);
        var numeric = sex + year + month + department.Replace("2A", "19").Replace("2B", "18") + commune + order;
        var key = 97 - (int)(BigInteger.Parse(numeric, CultureInfo.InvariantCulture) % 97);
        var keyText = key.ToString("00", CultureInfo.InvariantCulture);
        return r.Chance(60)
            ? $"{sex} {year} {month} {department} {commune} {order} {keyText}"
            : sex + year + month + department + commune + order + keyText;
    }
}
