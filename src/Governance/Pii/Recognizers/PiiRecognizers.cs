using System.Buffers;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

/// <summary>
/// The built-in recognizers (English and French). Each factory returns a new, stateless, thread-safe instance;
/// <see cref="PiiDetector.CreateDefault"/> uses all of them.
/// </summary>
public static partial class PiiRecognizers
{
    /// <summary>All built-in recognizers, in a stable order.</summary>
    public static IReadOnlyList<IPiiRecognizer> All() =>
    [
        Email(), Url(), Phone(), CreditCard(), Iban(), UsSsn(), UsSsnWithoutSeparators(), FrenchNir(),
        IPv4(), IPv6(), NumericDate(), WrittenDate(), PersonNameInContext(), PersonNameInSignature(), NamesAndPlaces(), StreetAddress(),
    ];

    private static readonly string[] BirthContext =
        ["born", "birth", "dob", "birthday", "né le", "née le", "naissance", "né", "née", "geboren"];

    /// <summary>Email addresses.</summary>
    public static IPiiRecognizer Email() =>
        new AnchoredRegexRecognizer("email", PiiTypes.Email, EmailRegex(), '@', EmailLocalChars, EmailDomainChars, null, 0.95);

    private static readonly SearchValues<char> EmailLocalChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-");

    private static readonly SearchValues<char> EmailDomainChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");

    /// <summary>URLs starting with http(s):// or www.</summary>
    public static IPiiRecognizer Url() =>
        new RegexRecognizer("url", PiiTypes.Url, UrlRegex(), score: 0.7);
}
