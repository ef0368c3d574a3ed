using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class CreditCardTests
{
    [Theory]
    [InlineData("visa 4111 1111 1111 1111 ok", "4111 1111 1111 1111")]
    [InlineData("mc 5500-0000-0000-0004", "5500-0000-0000-0004")]
    [InlineData("amex 3782 822463 10005", "3782 822463 10005")]
    [InlineData("discover 6011111111111117", "6011111111111117")]
    [InlineData("mc2 2221 0000 0000 0009", "2221 0000 0000 0009")]
    public void Finds_luhn_valid_cards_with_known_issuer(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.CreditCard(), text));

    [Theory]
    [InlineData("4111 1111 1111 1112")] // Luhn fails
    [InlineData("5500 0000 0000 0005")] // Luhn fails
    [InlineData("1234 5678 9012 3452")] // Luhn-valid but no issuer starts with 1
    [InlineData("4111-1111 1111-1111")] // mixed separators
    [InlineData("order 00000000000000")] // zeros: no issuer
    [InlineData("4111 1111 1111 11")] // Visa never has 14 digits
    public void Ignores_invalid_numbers(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.CreditCard(), text));
}
