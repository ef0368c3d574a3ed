using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    private static readonly string[] IbanContext = ["iban", "rib", "bank", "banque", "account", "compte", "konto"];

    /// <summary>International bank account numbers: a known country's exact length and a valid mod-97 check.</summary>
    public static IPiiRecognizer Iban() =>
        new RegexRecognizer("iban", PiiTypes.Iban, IbanCandidateRegex(), IsIban, IbanContext, 0.95);

    internal static bool IsIban(ReadOnlySpan<char> value)
    {
        Span<char> compact = stackalloc char[34];
        var count = 0;
        foreach (var c in value)
        {
            if (c == ' ')
                continue;
            if (count == compact.Length)
                return false;
            compact[count++] = c;
        }
        var iban = compact[..count];
        return count >= 4 && IbanLength(iban[0], iban[1]) == count && Checksums.IbanMod97(iban);
    }

    // The registered length of an IBAN per country (ISO 13616 registry); 0 for a country we do not know.
    private static int IbanLength(char a, char b) => (a, b) switch
    {
        ('F', 'R') or ('M', 'C') or ('I', 'T') or ('S', 'M') => 27,
        ('D', 'E') or ('G', 'B') or ('I', 'E') => 22,
        ('E', 'S') or ('S', 'E') or ('S', 'K') or ('C', 'Z') or ('T', 'N') or ('R', 'O') => 24,
        ('N', 'L') or ('D', 'K') or ('F', 'I') or ('F', 'O') or ('G', 'L') => 18,
        ('B', 'E') => 16,
        ('C', 'H') or ('L', 'I') or ('L', 'V') => 21,
        ('L', 'U') or ('A', 'T') or ('E', 'E') or ('L', 'T') or ('K', 'Z') => 20,
        ('P', 'T') => 25,
        ('P', 'L') or ('C', 'Y') or ('H', 'U') => 28,
        ('N', 'O') => 15,
        ('S', 'I') => 19,
        ('G', 'R') => 27,
        ('H', 'R') => 21,
        ('B', 'G') or ('A', 'E') => 23,
        ('M', 'T') => 31,
        _ => 0,
    };
}
