using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class IbanTests
{
    [Theory]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("GB29 NWBK 6016 1331 9268 19")]
    [InlineData("ES91 2100 0418 4502 0005 1332")]
    [InlineData("IT60 X054 2811 1010 0000 0123 456")]
    [InlineData("NL91 ABNA 0417 1643 00")]
    [InlineData("BE68 5390 0754 7034")]
    [InlineData("CH93 0076 2011 6238 5295 7")]
    public void Finds_valid_ibans(string iban) =>
        Assert.Equal([iban], Findings.Of(PiiRecognizers.Iban(), $"Mon RIB : {iban}, merci."));

    [Theory]
    [InlineData("FR14 2004 1010 0505 0001 3M02 607")] // checksum broken
    [InlineData("DE88 3704 0044 0532 0130 00")] // check digits wrong
    [InlineData("DE89 3704 0044 0532 0130 0")] // one character short for DE
    [InlineData("XX89 3704 0044 0532 0130 00")] // unknown country
    [InlineData("AB12 CDEF GHIJ")]
    public void Ignores_invalid_ibans(string iban) =>
        Assert.Empty(Findings.Of(PiiRecognizers.Iban(), $"IBAN {iban} end"));
}
