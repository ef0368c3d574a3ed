using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Tests.Pii;

public class PhoneNumbersTests
{
    [Theory]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("06.12.34.56.78", "FR", "+33612345678")]
    [InlineData("+33 (0)6 12 34 56 78", "US", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "DE", "+33612345678")]
    [InlineData("+44 20 7946 0958", "FR", "+442079460958")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("(555) 123-4567", "US", "+15551234567")]
    [InlineData("030 123456", "DE", "+4930123456")]
    public void Normalises_to_E164(string text, string region, string expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(text, region));

    [Theory]
    [InlineData("2024-118")]
    [InlineData("12/04/1978")]
    [InlineData("call me")]
    [InlineData("06 12 34 56 78")] // a French national number is not a US one
    public void Returns_null_for_what_is_not_a_number_of_the_region(string text) =>
        Assert.Null(PhoneNumbers.ToE164(text, "US"));

    [Fact]
    public void Unknown_region_is_named() =>
        Assert.Contains("'ZZ'", Assert.Throws<ArgumentException>(() => PhoneNumbers.ToE164("06 12 34 56 78", "ZZ")).Message);
}
