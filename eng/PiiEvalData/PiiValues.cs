using System.Globalization;
using System.Text;

namespace HybridAI.PiiEvalData;

/// <summary>Fills one slot of a template: personal data of the record's locale, or a near-miss that is not personal data.</summary>
public sealed class PiiValues(SourceLists sources, SeededRandom r, Locale locale)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every name, company and place taken from the source lists, for the disjointness check.</summary>
    public List<string> SourceValuesUsed { get; } = [];

    // One person per record, so "{PERSON}" and "{EMAIL}" in the same template stay consistent.
    private string? _first;
    private string? _last;

    public string First => _first ??= Use(r.Pick(sources.FirstNames));

    public string Last => _last ??= Use(r.Pick(sources.LastNames));

    public string FullName() => locale == Locale.French && r.Chance(15) ? First + " " + Last.ToUpperInvariant() : First + " " + Last;

    /// <summary>A different person from the record's main one.</summary>
    public string OtherName() => Use(r.Pick(sources.FirstNames)) + " " + Use(r.Pick(sources.LastNames));

    public string Company() => Use(r.Pick(sources.Companies));

    public string City() => Use(r.Pick(sources.Cities));

    public string Country() => Use(r.Pick(sources.Countries));

    private string Use(string value)
    {
        SourceValuesUsed.Add(value);
        return value;
    }

    public string Email()
    {
        var first = Slug(First);
        var last = Slug(Last);
        var local = r.Next(5) switch
        {
            0 => first + "." + last,
            1 => first[0] + last,
            2 => first + "_" + last + r.Next(10, 99).ToString(Invariant),
            3 => last + "." + first[0],
            _ => first + r.Next(1960, 2005).ToString(Invariant),
        };
        string[] free = locale switch
        {
            Locale.French => ["orange.fr", "free.fr", "gmail.com", "laposte.net", "wanadoo.fr", "sfr.fr"],
            Locale.German => ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"],
            Locale.UkEnglish => ["btinternet.com", "gmail.com", "outlook.co.uk", "yahoo.co.uk", "sky.com"],
            _ => ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "comcast.net", "aol.com"],
        };
        var domain = r.Chance(60) ? r.Pick(free) : CompanyDomain();
        return local + "@" + domain;
    }

    private string CompanyDomain()
    {
        var company = Slug(Company().Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries)[0]);
        string tld = locale switch { Locale.French => r.Pick(["fr", "com", "eu"]), Locale.German => r.Pick(["de", "com"]), Locale.UkEnglish => r.Pick(["co.uk", "com"]), _ => r.Pick(["com", "net", "io", "org"]) };
        return company + "." + tld;
    }

    /// <summary>ASCII lower-case letters and digits of <paramref name="value"/>, accents folded.</summary>
    private static string Slug(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
                sb.Append(lower);
            else if (lower == 'ß')
                sb.Append("ss");
        }
        return sb.Length == 0 ? "contact" : sb.ToString();
    }

    public string Url()
    {
        var host = (r.Chance(60) ? "www." : "") + CompanyDomain();
        var path = r.Next(5) switch
        {
            0 => "/account/" + r.Digits(6),
            1 => "/orders?id=" + r.Digits(8),
            2 => "/profile/" + Slug(First) + "-" + Slug(Last),
            3 => "/support/tickets/" + r.Digits(5),
            _ => "",
        };
        return (r.Chance(85) ? "https://" : "http://") + host + path;
    }

    public string IPv4() => r.Pick<int>([10, 31, 62, 78, 81, 92, 109, 172, 185, 192, 203, 212]).ToString(Invariant) + "." + r.Next(256).ToString(Invariant) + "." + r.Next(256).ToString(Invariant) + "." + r.Next(1, 255).ToString(Invariant);

    public string IPv6()
    {
        var groups = new string[8];
        groups[0] = r.Pick(["2001", "2a01", "2a02", "2600", "2c0f"]);
        for (var i = 1; i < 8; i++)
            groups[i] = r.Next(0x10000).ToString("x", Invariant);
        var full = string.Join(':', groups);
        return r.Chance(40) ? string.Join(':', groups[..3]) + "::" + groups[7] : full;
    }

    /// <summary>A phone number of the locale's national plan, written nationally or with the country code.</summary>
    public string Phone(bool international = false)
    {
        international |= r.Chance(30);
        switch (locale)
        {
            case Locale.French:
            {
                var first = r.Pick(["1", "2", "3", "4", "5", "6", "7", "9"]);
                var pairs = Enumerable.Range(0, 4).Select(_ => r.Digits(2)).ToArray();
                if (international)
                    return r.Chance(30) ? "+33 (0)" + first + " " + string.Join(' ', pairs) : "+33 " + first + " " + string.Join(' ', pairs);
                var sep = r.Pick([" ", ".", " ", "-", ""]);
                return "0" + first + sep + string.Join(sep, pairs);
            }
            case Locale.German:
            {
                var (area, length) = r.Pick<(string, int)>([("30", 8), ("40", 8), ("89", 7), ("69", 8), ("221", 7), ("711", 7), ("151", 8), ("160", 7), ("171", 7), ("176", 8)]);
                var number = r.Next(2, 10).ToString(Invariant) + r.Digits(length - 1);
                if (international)
                    return "+49 " + area + " " + number;
                return r.Chance(30) ? "0" + area + "/" + number : "0" + area + " " + number;
            }
            case Locale.UkEnglish:
            {
                var mobile = r.Chance(50);
                if (mobile)
                {
                    var rest = "7" + r.Next(4, 10).ToString(Invariant) + r.Digits(2);
                    var tail = r.Digits(6);
                    return international ? "+44 " + rest + " " + tail : "0" + rest + " " + tail;
                }
                var (area, local) = r.Pick<(string, int)>([("20", 8), ("121", 7), ("161", 7), ("131", 7), ("113", 7), ("117", 7), ("1865", 6)]);
                var subscriber = r.Next(2, 10).ToString(Invariant) + r.Digits(local - 1);
                var spaced = local == 8 ? subscriber[..4] + " " + subscriber[4..] : local == 7 ? subscriber[..3] + " " + subscriber[3..] : subscriber;
                return international ? "+44 " + area + " " + spaced : "0" + area + " " + spaced;
            }
            default:
            {
                var area = r.Next(2, 10).ToString(Invariant) + r.Next(0, 9).ToString(Invariant) + r.Next(10).ToString(Invariant);
                var exchange = r.Next(2, 10).ToString(Invariant) + r.Digits(2);
                var line = r.Digits(4);
                if (international)
                    return "+1 " + area + " " + exchange + " " + line;
                return r.Next(3) switch { 0 => "(" + area + ") " + exchange + "-" + line, 1 => area + "-" + exchange + "-" + line, _ => area + "." + exchange + "." + line };
            }
        }
    }

    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] FrenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    private static readonly string[] GermanMonths = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    /// <summary>A date as the locale writes it; <paramref name="birth"/> picks a year a customer could be born in.</summary>
    public string Date(bool birth = false)
    {
        var year = birth ? r.Next(1940, 2006) : r.Next(2019, 2027);
        var month = r.Next(1, 13);
        var day = r.Next(1, 29);
        var written = r.Chance(40);
        if (r.Chance(10))
            return $"{year:0000}-{month:00}-{day:00}";
        return locale switch
        {
            Locale.French => written ? $"{day} {FrenchMonths[month - 1]} {year}" : $"{day:00}/{month:00}/{year}",
            Locale.German => written ? $"{day}. {GermanMonths[month - 1]} {year}" : $"{day:00}.{month:00}.{year}",
            Locale.UkEnglish => written ? $"{day} {EnglishMonths[month - 1]} {year}" : $"{day:00}/{month:00}/{year}",
            _ => written ? $"{EnglishMonths[month - 1]} {day}, {year}" : $"{month:00}/{day:00}/{year}",
        };
    }

    public string Age() => r.Next(18, 91).ToString(Invariant);

    private static readonly string[] UsStates = ["AL", "AZ", "CA", "CO", "FL", "GA", "IL", "MA", "MI", "MN", "NC", "NJ", "NY", "OH", "OR", "PA", "TX", "VA", "WA", "WI"];

    public string ZipCode() => locale switch
    {
        Locale.UkEnglish => UkPostcode(),
        Locale.UsEnglish => r.Next(1000, 99951).ToString("00000", Invariant) + (r.Chance(15) ? "-" + r.Digits(4) : ""),
        Locale.French => r.Next(1, 96).ToString("00", Invariant) + r.Pick(["000", "100", "200", "300", "400", "500", "600", "700"]),
        _ => r.Next(1067, 99999).ToString("00000", Invariant),
    };

    private string UkPostcode()
    {
        var area = r.Pick(["SW", "E", "N", "NW", "SE", "W", "EC", "B", "M", "LS", "BS", "G", "EH", "CF", "OX", "CB", "L", "NG"]);
        return area + r.Next(1, 20).ToString(Invariant) + " " + r.Next(10).ToString(Invariant) + (char)('A' + r.Next(26)) + (char)('A' + r.Next(26));
    }

    /// <summary>A postal address, street line first, with postcode and city (one ADDRESS span).</summary>
    public string Address(bool withCity = true)
    {
        var number = r.Next(1, 250).ToString(Invariant);
        switch (locale)
        {
            case Locale.French:
            {
                var street = Use(r.Pick(sources.FrenchStreets));
                street = char.ToLowerInvariant(street[0]) + street[1..];
                var line = number + (r.Chance(8) ? " bis" : "") + " " + street;
                return withCity ? line + ", " + ZipCode() + " " + City() : line;
            }
            case Locale.German:
            {
                var line = Use(r.Pick(sources.GermanStreets)) + " " + number;
                return withCity ? line + ", " + ZipCode() + " " + City() : line;
            }
            case Locale.UkEnglish:
            {
                var line = number + " " + Use(r.Pick(sources.EnglishStreets));
                return withCity ? line + ", " + City() + " " + ZipCode() : line;
            }
            default:
            {
                var line = number + " " + Use(r.Pick(sources.EnglishStreets));
                return withCity ? line + ", " + City() + ", " + r.Pick(UsStates) + " " + ZipCode() : line;
            }
        }
    }

    // Near-misses: look like identifiers, are not personal data, and are never labelled.

    public string OrderNumber() => r.Next(4) switch
    {
        0 => "ORD-" + r.Next(2021, 2027).ToString(Invariant) + "-" + r.Digits(6),
        1 => "#" + r.Next(1, 10).ToString(Invariant) + r.Digits(6),
        2 => r.Next(100, 999).ToString(Invariant) + "-" + r.Digits(7) + "-" + r.Digits(7),
        _ => "CMD" + r.Digits(8),
    };

    public string Amount() => locale switch
    {
        Locale.French => r.Next(5, 5000).ToString("N0", CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202F', ' ').Replace('\u00A0', ' ') + "," + r.Digits(2) + " €",
        Locale.German => r.Next(5, 5000).ToString(Invariant) + "," + r.Digits(2) + " EUR",
        Locale.UkEnglish => "£" + r.Next(5, 5000).ToString("N0", Invariant) + "." + r.Digits(2),
        _ => "$" + r.Next(5, 5000).ToString("N0", Invariant) + "." + r.Digits(2),
    };

    public string InvalidCard() => Identifiers.Card(r, valid: false);

    public string Card() => Identifiers.Card(r);

    public string Iban() => Identifiers.Iban(r, locale switch { Locale.French => r.Chance(70) ? "FR" : null, Locale.German => r.Chance(70) ? "DE" : null, Locale.UkEnglish => r.Chance(70) ? "GB" : null, _ => null });

    public string UsSsn() => Identifiers.UsSsn(r);

    public string FrenchNir() => Identifiers.FrenchNir(r);

    public string TicketNumber() => r.Pick(["INC", "REQ", "CS-", "TK"]) + r.Digits(7);

    public string Version() => r.Next(1, 20).ToString(Invariant) + "." + r.Next(0, 30).ToString(Invariant) + "." + r.Next(0, 100).ToString(Invariant);

    public string Time() => r.Next(7, 22).ToString("00", Invariant) + (locale == Locale.French ? "h" : ":") + r.Pick(["00", "15", "30", "45", "05", "50"]);

    public string Quantity() => r.Next(2, 60).ToString(Invariant);

    public string Tracking() => r.Pick(["1Z", "JD", "LP", "CB"]) + r.Digits(2) + (char)('A' + r.Next(26)) + (char)('A' + r.Next(26)) + r.Digits(9);

    public string Sku() => r.Pick(["SKU", "REF", "ART"]) + "-" + r.Digits(5) + "-" + (char)('A' + r.Next(26));
}
