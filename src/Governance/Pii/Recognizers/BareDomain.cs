using System.Buffers;
using System.Collections.Frozen;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    /// <summary>
    /// Domain names written without a scheme ("example.fr", "shop.example.co.uk", "acme.com/contact"), with a path
    /// when one follows. The last label must be a known top-level domain, so "report.pdf", "setup.exe", "v2.3.1" and
    /// "e.g." are not domains; the part after an '@' (an email) and inside an http(s) URL is left to those recognizers.
    /// </summary>
    public static IPiiRecognizer BareDomain() => new BareDomainRecognizer();

    // Common generic and country TLDs. Left out on purpose: those that are also file extensions or abbreviations
    // (.py .sh .md .rs .pl .cs .js .ts .zip .mov .doc .pdf .txt .exe .png .jpg .gif .so .dll .in .is .am .me .to .at .it .no .be).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TopLevelDomains = FrozenSet.Create(StringComparer.Ordinal,
    [
        "com", "org", "net", "edu", "gov", "info", "biz", "io", "ai", "app", "dev", "eu", "co", "shop", "online", "site", "tech", "cloud",
        "fr", "de", "uk", "es", "ch", "nl", "lu", "dk", "se", "fi", "pt", "ie", "pl", "cz", "gr", "ca", "us", "au", "nz", "jp", "cn",
        "ru", "br", "mx", "ar", "za", "sg", "hk", "tw", "kr",
    ]).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> DomainChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");
    private static readonly SearchValues<char> PathEnd = SearchValues.Create(" \t\r\n<>\"'()[]{}|\\^`");

    private sealed class BareDomainRecognizer : IPiiRecognizer
    {
        public string Name => "url-domain";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            var s = text.AsSpan();
            var from = 0;
            while (from < s.Length)
            {
                var dot = s[from..].IndexOf('.');
                if (dot < 0)
                    return;
                dot += from;
                // The run of lower-case domain characters around the dot; anything else (upper case included) ends it.
                var start = s[..dot].LastIndexOfAnyExcept(DomainChars) + 1;
                var tail = s[(dot + 1)..].IndexOfAnyExcept(DomainChars);
                var end = tail < 0 ? s.Length : dot + 1 + tail;
                from = end + 1;
                while (end > start && s[end - 1] is '.' or '-')
                    end--;
                if (end <= dot + 1 || start == dot)
                    continue;
                if (start > 0 && (s[start - 1] is '@' or '/' or ':' or '_' || char.IsLetterOrDigit(s[start - 1])))
                    continue;
                if (end < s.Length && (s[end] is '@' or '_' || char.IsLetterOrDigit(s[end])))
                    continue;
                if (!IsDomain(s[start..end]))
                    continue;
                if (end < s.Length && s[end] == '/')
                {
                    var path = s[end..].IndexOfAny(PathEnd);
                    end = path < 0 ? s.Length : end + path;
                    while (s[end - 1] is '.' or ',' or ';' or ':' or '!' or '?')
                        end--;
                }
                findings.Add(new PiiFinding(PiiTypes.Url, start, end - start, 0.6, Name));
                from = end;
            }
        }

        private static bool IsDomain(ReadOnlySpan<char> host)
        {
            var last = host.LastIndexOf('.');
            if (last <= 0 || !TopLevelDomains.Contains(host[(last + 1)..]))
                return false;
            // Every label: 1-63 characters, letters/digits/hyphens, not starting or ending with a hyphen; the first is not all digits.
            var labels = 0;
            var hasLetter = false;
            foreach (var range in host.Split('.'))
            {
                var label = host[range];
                if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
                    return false;
                if (labels == 0)
                    hasLetter = label.ContainsAnyInRange('a', 'z');
                labels++;
            }
            return hasLetter && host[..last].Length >= 2;
        }
    }
}
