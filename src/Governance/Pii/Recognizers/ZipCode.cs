using System.Buffers;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    /// <summary>
    /// ZIP and postal codes on their own: US ZIP and ZIP+4, UK postcodes ("SW1A 1AA", "M4 4LW"), and French or German
    /// five-digit codes. Five digits are reported only where they read as a postcode: after "zip", "code postal",
    /// "postcode", "PLZ"..., after a US state ("AZ 30515"), or followed by a city name at the start of a line or after a
    /// comma ("…, 59000 Lille"). Order numbers, amounts and years are left alone. Inside a street address the
    /// address (scored higher) wins.
    /// </summary>
    public static IPiiRecognizer ZipCode() => new ZipCodeRecognizer();

    private static readonly string[] ZipContext =
        ["zip", "zip code", "zipcode", "postcode", "post code", "postal code", "code postal", "cp", "plz", "postleitzahl", "postal"];

    private static readonly SearchValues<string> UsStates = SearchValues.Create(
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI",
        "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
        "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    ], StringComparison.Ordinal);

    private sealed class ZipCodeRecognizer : IPiiRecognizer
    {
        public string Name => "zip-code";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            for (var at = TokenScanner.Next(text, 0, TokenScanner.Digits); at >= 0;)
            {
                var end = at;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                    end++;
                var found = (end - at) switch
                {
                    5 => FiveDigits(text, at, end, findings),
                    1 => UkPostcode(text, at, findings),
                    _ => false,
                };
                at = TokenScanner.Next(text, found ? findings[^1].End : end, TokenScanner.Digits);
            }
        }

        private bool FiveDigits(string text, int at, int end, List<PiiFinding> findings)
        {
            // 12345-6789 (ZIP+4); 12345.67 or 12,345 are amounts.
            var length = 5;
            if (end + 5 <= text.Length && text[end] == '-' && IsDigits(text.AsSpan(end + 1, 4)) && (end + 5 == text.Length || !char.IsLetterOrDigit(text[end + 5])))
                length = 10;
            else if (end < text.Length && (char.IsLetter(text[end]) || (end + 1 < text.Length && text[end] is '.' or ',' or '-' or '/' && char.IsAsciiDigit(text[end + 1]))))
                return false;
            if (at > 0 && text[at - 1] is '#' or '-' or '/' or '.' or ',' or '+' or '€' or '$' or '£')
                return false;

            double score;
            if (Context.HasWordBefore(text, at, ZipContext, 24))
                score = 0.85;
            else if (FollowsHouseNumber(text, at))
                return false; // the tail of a street address: the address recognizer reports it whole
            else if (at >= 3 && text[at - 1] == ' ' && text.AsSpan(at - 3, 2).IndexOfAny(UsStates) == 0 && (at == 3 || !char.IsLetter(text[at - 4])))
                score = 0.6;
            else if (length == 5 && StartsLineOrFollowsComma(text, at) && CityFollows(text, end))
                score = 0.55;
            else
                return false;
            findings.Add(new PiiFinding(PiiTypes.ZipCode, at, length, score, Name));
            return true;
        }

        // "SW1A 1AA", "M4 4LW", "CB15 9EB": found from the digit that starts the inward code.
        private bool UkPostcode(string text, int at, List<PiiFinding> findings)
        {
            if (at + 3 > text.Length || !char.IsAsciiLetterUpper(text[at + 1]) || !char.IsAsciiLetterUpper(text[at + 2]))
                return false;
            if (at + 3 < text.Length && char.IsLetterOrDigit(text[at + 3]))
                return false;
            if (at < 3 || text[at - 1] != ' ')
                return false;
            // The outward code: A9, A99, AA9, AA99, A9A, AA9A.
            var outEnd = at - 1;
            var start = outEnd;
            while (start > 0 && char.IsAsciiLetterUpper(text[start - 1]) || start > 0 && char.IsAsciiDigit(text[start - 1]))
                start--;
            if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
                return false;
            if (!IsOutwardCode(text.AsSpan(start, outEnd - start)))
                return false;
            var hasContext = Context.HasWordBefore(text, start, ZipContext, 24);
            if (!hasContext && FollowsHouseNumber(text, start))
                return false;
            var score = hasContext ? 0.85 : 0.6;
            findings.Add(new PiiFinding(PiiTypes.ZipCode, start, at + 3 - start, score, Name));
            return true;
        }

        private static bool IsOutwardCode(ReadOnlySpan<char> code)
        {
            if (code.Length is < 2 or > 4 || !char.IsAsciiLetterUpper(code[0]))
                return false;
            var letters = char.IsAsciiLetterUpper(code[1]) ? 2 : 1;
            if (letters >= code.Length || !char.IsAsciiDigit(code[letters]))
                return false;
            var rest = code[(letters + 1)..];
            return rest.Length == 0 || (rest.Length == 1 && (char.IsAsciiDigit(rest[0]) || char.IsAsciiLetterUpper(rest[0])));
        }

        // A number within the 60 characters before, on the same line ("Str. 153, 92490 Polinago", "91 W 3rd Street,
        // Etroubles, MN 97639"): the code ends a street address.
        private static bool FollowsHouseNumber(string text, int at)
        {
            var from = Math.Max(0, at - 60);
            var before = text.AsSpan(from, at - from);
            var line = before.LastIndexOfAny('\n', '\r');
            return before[(line + 1)..].ContainsAnyInRange('0', '9');
        }

        private static bool StartsLineOrFollowsComma(string text, int at)
        {
            var i = at - 1;
            while (i >= 0 && text[i] == ' ')
                i--;
            return i < 0 || text[i] is '\n' or '\r' or ',';
        }

        // "59000 Lille", "80331 München", "75008 Paris Cedex": a capitalised word right after, not a unit or a noun
        // phrase of a sentence ("12345 Euros").
        private static bool CityFollows(string text, int end)
        {
            if (end + 3 > text.Length || text[end] != ' ' || !char.IsUpper(text[end + 1]))
                return false;
            var i = end + 2;
            while (i < text.Length && (char.IsLower(text[i]) || text[i] is '-' or '\''))
                i++;
            if (i - end < 4)
                return false;
            var word = text.AsSpan(end + 1, i - end - 1);
            return !word.Equals("Euro", StringComparison.Ordinal) && !word.Equals("Euros", StringComparison.Ordinal) && !word.Equals("Dollars", StringComparison.Ordinal);
        }

        private static bool IsDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');
    }
}
