using System.Buffers;
using System.Text.RegularExpressions;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    /// <summary>
    /// Street addresses, with the city and postcode that follow when present: English ("43 Mill Road, Bristol BS1 4DJ",
    /// "12 Elm St, Springfield, IL 62704"), French ("137 chemin du Moulin, 59000 Lille") and German
    /// ("Lindenstraße 165, 80331 München", number after the street).
    /// </summary>
    public static IPiiRecognizer StreetAddress() => new StreetAddressRecognizer();

    private const string Word = @"\p{Lu}[\p{Ll}'’.-]*";
    private const string City = @"\p{Lu}[\p{L}'’-]+(?![\p{L}\d])(?:[ -]\p{Lu}[\p{L}'’-]+(?![\p{L}\d])){0,2}";
    private const string UkPostcode = @"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}";
    private const string UsState = @"[A-Z]{2} \d{5}(?:-\d{4})?";

    private const string English =
        @"\b\d{1,5}[A-Za-z]?,? (?:" + Word + @" ){1,3}(?i:road|street|lane|avenue|close|drive|way|court|place|square|terrace|gardens|crescent|grove|hill|park|row|walk|boulevard|rd|st|ave|ln|dr|blvd)\b\.?" +
        @"(?:, ?" + City + @"(?:,? (?:" + UkPostcode + "|" + UsState + "))?)?";

    private const string French =
        @"\b\d{1,4}(?: ?(?:bis|ter))?,? (?i:rue|avenue|av\.|boulevard|bd|chemin|place|allée|allee|impasse|quai|route|cours|square|passage|rond-point) " +
        @"(?:(?:de la|de l'|de l’|du|des|de|d'|d’) ?)?\p{Lu}[\p{L}'’-]+(?: (?:(?:de la|du|des|de) )?\p{Lu}[\p{L}'’-]+){0,3}" +
        @"(?:, ?\d{5} " + City + ")?";

    private const string German =
        @"\b\p{Lu}[\p{Ll}-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer) \d{1,4} ?[a-z]?\b" +
        @"(?:, ?\d{5} " + City + ")?";

    [GeneratedRegex(@"\G(?:" + English + "|" + French + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NumberFirstAddressRegex();

    [GeneratedRegex(German, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex GermanAddressRegex();

    private static readonly SearchValues<string> GermanStreetSuffixes = SearchValues.Create(
        ["straße ", "strasse ", "str. ", "weg ", "platz ", "allee ", "gasse ", "ring ", "damm ", "ufer "], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// English and French addresses start with the house number, so only digit positions are tried; German ones
    /// (number after the street) are looked for only when a street-type suffix occurs at all.
    /// </summary>
    private sealed class StreetAddressRecognizer : IPiiRecognizer
    {
        public string Name => "street-address";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            for (var at = TokenScanner.Next(text, 0, TokenScanner.Digits); at >= 0;)
            {
                var length = TokenScanner.MatchAt(NumberFirstAddressRegex(), text, at);
                if (length > 0)
                {
                    findings.Add(new PiiFinding(PiiTypes.Address, at, length, 0.85, Name));
                }

                at = TokenScanner.Next(text, at + Math.Max(1, length), TokenScanner.Digits);
            }

            if (text.AsSpan().IndexOfAny(GermanStreetSuffixes) >= 0)
            {
                foreach (var m in GermanAddressRegex().EnumerateMatches(text))
                {
                    findings.Add(new PiiFinding(PiiTypes.Address, m.Index, m.Length, 0.85, Name));
                }
            }
        }
    }
}
