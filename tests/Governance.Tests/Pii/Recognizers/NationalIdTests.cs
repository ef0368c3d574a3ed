using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class NationalIdTests
{
    [Theory]
    [InlineData("SSN 536-22-1234", "536-22-1234")]
    [InlineData("ssn is 536 22 1234.", "536 22 1234")]
    [InlineData("my social security number 536221234", "536221234")]
    public void UsSsn_finds_valid_numbers(string text, string expected)
    {
        var found = Findings.Of(PiiRecognizers.UsSsn(), text).Concat(Findings.Of(PiiRecognizers.UsSsnWithoutSeparators(), text));
        Assert.Equal([expected], found);
    }

    [Theory]
    [InlineData("000-12-3456")] // area 000
    [InlineData("666-12-3456")] // area 666
    [InlineData("912-34-5678")] // area 9xx
    [InlineData("123-00-4567")] // group 00
    [InlineData("123-45-0000")] // serial 0000
    [InlineData("078-05-1120")] // the famous wallet sample
    [InlineData("123-45 6789")] // mixed separators
    public void UsSsn_rejects_numbers_never_issued(string ssn) =>
        Assert.Empty(Findings.Of(PiiRecognizers.UsSsn(), $"SSN {ssn}"));

    [Fact]
    public void UsSsn_bare_nine_digits_need_context() =>
        Assert.Empty(Findings.Of(PiiRecognizers.UsSsnWithoutSeparators(), "tracking 536221234 shipped"));

    [Theory]
    [InlineData("1 85 05 78 006 084 91")]
    [InlineData("185057800608491")]
    [InlineData("2 69 09 99 123 456 29")]
    [InlineData("1 85 05 2A 006 084 35")] // Corse-du-Sud
    [InlineData("1 85 05 2B 006 084 62")] // Haute-Corse
    public void FrenchNir_finds_numbers_with_a_valid_key(string nir) =>
        Assert.Equal([nir], Findings.Of(PiiRecognizers.FrenchNir(), $"Numéro de sécu : {nir}."));

    [Theory]
    [InlineData("1 85 05 78 006 084 92")] // wrong key
    [InlineData("1 85 05 2A 006 084 62")] // 2B's key on a 2A number
    [InlineData("5 85 05 78 006 084 85")] // no such sex digit (key would be right)
    [InlineData("1 85 13 78 006 084 25")] // month 13 is not allowed (key would be right)
    public void FrenchNir_rejects_wrong_keys_and_shapes(string nir) =>
        Assert.Empty(Findings.Of(PiiRecognizers.FrenchNir(), $"NIR {nir}"));
}
