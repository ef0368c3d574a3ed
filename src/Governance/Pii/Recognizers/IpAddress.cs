using System.Buffers;
using System.Net;
using System.Net.Sockets;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    private static readonly string[] IpContext = ["ip", "address", "adresse", "host", "server", "serveur"];

    /// <summary>IPv4 addresses (four dotted parts, validated with <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>).</summary>
    public static IPiiRecognizer IPv4() =>
        new TokenRegexRecognizer("ipv4", PiiTypes.IpAddress, IPv4CandidateRegex(), SearchValues.Create("0123456789."), 4, IsIPv4, IpContext, 0.75);

    /// <summary>IPv6 addresses, full or compressed (validated with <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>).</summary>
    public static IPiiRecognizer IPv6() =>
        new AnchoredRegexRecognizer("ipv6", PiiTypes.IpAddress, IPv6CandidateRegex(), ':', Ipv6Chars, Ipv6Chars, IsIPv6, 0.8);

    private static readonly SearchValues<char> Ipv6Chars = SearchValues.Create("0123456789abcdefABCDEF:");

    internal static bool IsIPv4(ReadOnlySpan<char> value)
    {
        // IPAddress also accepts "010" style parts; a part longer than 3 digits is already excluded by the pattern.
        return IPAddress.TryParse(value, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork;
    }

    internal static bool IsIPv6(ReadOnlySpan<char> value)
    {
        // Times such as 12:30:45 fail to parse; "::" alone is not worth reporting.
        return value.Length > 2 && value.ContainsAnyExcept(':')
            && IPAddress.TryParse(value, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
