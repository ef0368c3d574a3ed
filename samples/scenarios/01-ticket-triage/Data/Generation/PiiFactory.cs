using System.Globalization;
using System.Text;

namespace HybridAI.Scenarios.TicketTriage.Data.Generation;

/// <summary>
/// Makes realistic but harmless personal data: reserved example domains and drama/test phone ranges,
/// Luhn-valid card numbers that belong to no one, IBANs with correct mod-97 check digits.
/// </summary>
internal static class PiiFactory
{
    private static readonly string[] EnDomains = ["example.com", "example.org", "example.net", "mail.example.com"];
    private static readonly string[] FrDomains = ["exemple.fr", "example.com", "courriel.exemple.fr", "example.org"];

    public static string FullName(SeededRandom random) =>
        random.Pick(PersonNames.FirstNames) + " " + random.Pick(PersonNames.LastNames);

    public static string Email(SeededRandom random, string fullName, string language)
    {
        int space = fullName.IndexOf(' ', StringComparison.Ordinal);
        string first = AsciiLower(fullName[..space]);
        string last = AsciiLower(fullName[(space + 1)..]);
        string local = random.Next(5) switch
        {
            0 => first + "." + last,
            1 => first[0] + last,
            2 => first + "." + last + random.Next(1, 99).ToString(CultureInfo.InvariantCulture),
            3 => first + "_" + last,
            _ => last + "." + first,
        };
        return local + "@" + random.Pick(language == "fr" ? FrDomains : EnDomains);
    }

    public static string Phone(SeededRandom random, string language)
    {
        // French customers mostly give French mobiles; English ones UK or US numbers, sometimes a French one.
        int style = language == "fr" ? random.Next(4) : random.Next(2, 7);
        return style switch
        {
            0 or 1 => FrenchMobile(random, international: false),
            2 or 6 => FrenchMobile(random, international: true),
            3 or 4 => "+44 7700 900" + random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture),
            _ => "(555) 555-01" + random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture),
        };
    }

    private static string FrenchMobile(SeededRandom random, bool international)
    {
        var sb = new StringBuilder(international ? "+33 " : "0");
        sb.Append(random.Chance(0.7) ? '6' : '7');
        for (int i = 0; i < 4; i++)
        {
            sb.Append(' ').Append(random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>16 digits starting with 4 (Visa-like) or 51-55 (Mastercard-like), grouped by four, last digit a Luhn check.</summary>
    public static string CardNumber(SeededRandom random)
    {
        Span<int> digits = stackalloc int[16];
        int start;
        if (random.Chance(0.5))
        {
            digits[0] = 4;
            start = 1;
        }
        else
        {
            digits[0] = 5;
            digits[1] = random.Next(1, 6);
            start = 2;
        }
        for (int i = start; i < 15; i++)
        {
            digits[i] = random.Next(10);
        }
        digits[15] = LuhnCheckDigit(digits[..15]);

        var sb = new StringBuilder(19);
        for (int i = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                sb.Append(' ');
            }
            sb.Append((char)('0' + digits[i]));
        }
        return sb.ToString();
    }

    /// <summary>The digit that makes <paramref name="payload"/> + digit pass the Luhn check.</summary>
    public static int LuhnCheckDigit(ReadOnlySpan<int> payload)
    {
        int sum = 0;
        bool doubleIt = true; // the check digit will be undoubled, so the last payload digit is doubled
        for (int i = payload.Length - 1; i >= 0; i--)
        {
            int d = payload[i];
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - (sum % 10)) % 10;
    }

    /// <summary>A French (FR76 + 23 digits) or German (DE + 18 digits) IBAN, printed in groups of four.</summary>
    public static string Iban(SeededRandom random, string language)
    {
        bool french = language == "fr" ? random.Chance(0.8) : random.Chance(0.3);
        string country = french ? "FR" : "DE";
        string bban = Digits(random, french ? 23 : 18);
        string check = IbanCheckDigits(country, bban);
        string compact = country + check + bban;
        var sb = new StringBuilder(compact.Length + 8);
        for (int i = 0; i < compact.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                sb.Append(' ');
            }
            sb.Append(compact[i]);
        }
        return sb.ToString();
    }

    /// <summary>ISO 13616: move country + "00" to the end, letters to numbers, 98 - (n mod 97).</summary>
    public static string IbanCheckDigits(string country, string bban)
    {
        string rearranged = bban + country + "00";
        int remainder = 0;
        foreach (char c in rearranged)
        {
            int value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }
        return (98 - remainder).ToString("00", CultureInfo.InvariantCulture);
    }

    private static readonly string[] FrStreets = ["rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire", "rue de la République", "impasse des Tilleuls", "chemin du Moulin", "place du Marché", "rue Victor Hugo"];
    private static readonly string[] FrCities = ["69003 Lyon", "75011 Paris", "33000 Bordeaux", "44000 Nantes", "31000 Toulouse", "67000 Strasbourg", "13006 Marseille", "59000 Lille"];
    private static readonly string[] UkStreets = ["Maple Avenue", "Station Road", "Church Lane", "Victoria Street", "Mill Road", "Park Crescent"];
    private static readonly string[] UkCities = ["Bristol BS1 4DJ", "Leeds LS2 7EY", "York YO1 7HH", "Oxford OX1 2JD", "Manchester M4 1HQ"];
    private static readonly string[] DeStreets = ["Lindenstraße", "Hauptstraße", "Gartenweg", "Bahnhofstraße"];
    private static readonly string[] DeCities = ["10115 Berlin", "80331 München", "50667 Köln", "20095 Hamburg"];

    public static string Address(SeededRandom random, string language)
    {
        int number = random.Next(1, 180);
        string n = number.ToString(CultureInfo.InvariantCulture);
        if (language == "fr" && random.Chance(0.85))
        {
            return n + " " + random.Pick(FrStreets) + ", " + random.Pick(FrCities);
        }
        return random.Chance(0.75)
            ? n + " " + random.Pick(UkStreets) + ", " + random.Pick(UkCities)
            : random.Pick(DeStreets) + " " + n + ", " + random.Pick(DeCities);
    }

    private static string Digits(SeededRandom random, int count)
    {
        var sb = new StringBuilder(count);
        for (int i = 0; i < count; i++)
        {
            sb.Append((char)('0' + random.Next(10)));
        }
        return sb.ToString();
    }

    /// <summary>ASCII fold for e-mail local parts (names like "Müller" or "Élodie").</summary>
    public static string AsciiLower(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(char.ToLowerInvariant(c) switch
            {
                'à' or 'â' or 'á' => "a",
                'ä' => "ae",
                'é' or 'è' or 'ê' or 'ë' => "e",
                'î' or 'ï' => "i",
                'ô' or 'ó' => "o",
                'ö' => "oe",
                'ù' or 'û' => "u",
                'ü' => "ue",
                'ç' => "c",
                'ß' => "ss",
                'œ' => "oe",
                'æ' => "ae",
                var other when char.IsAsciiLetterOrDigit(other) => other.ToString(),
                _ => "-",
            });
        }
        return sb.ToString();
    }
}
