using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class IpAddressTests
{
    [Theory]
    [InlineData("from 192.168.1.20 at noon", "192.168.1.20")]
    [InlineData("ip=8.8.8.8.", "8.8.8.8")]
    public void IPv4_finds_addresses(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.IPv4(), text));

    [Theory]
    [InlineData("from 256.1.1.1")]
    [InlineData("version 1.2.3")]
    [InlineData("value 192.168.1.2.5")]
    public void IPv4_ignores_invalid(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.IPv4(), text));

    [Theory]
    [InlineData("host 2001:db8:85a3::8a2e:370:7334 down", "2001:db8:85a3::8a2e:370:7334")]
    [InlineData("addr 2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:0db8:0000:0000:0000:ff00:0042:8329")]
    [InlineData("loopback ::1 here", "::1")]
    public void IPv6_finds_addresses(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.IPv6(), text));

    [Theory]
    [InlineData("meet at 12:30:45")]
    [InlineData("ratio 1:2:3")]
    [InlineData("a::b::c")]
    public void IPv6_ignores_times_and_ratios(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.IPv6(), text));
}
