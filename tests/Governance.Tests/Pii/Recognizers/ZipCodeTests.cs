using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class ZipCodeTests
{
    [Theory]
    [InlineData("Customer: my zip is 43995. The app crashes", "43995")]
    [InlineData("my zip is 30938-5466.", "30938-5466")]
    [InlineData("Client : code postal 47400. L'application plante", "47400")]
    [InlineData("Postcode on file: CB15 9EB.", "CB15 9EB")]
    [InlineData("PLZ: 80331", "80331")]
    [InlineData("Springfield, IL 62704", "62704")]
    [InlineData("Livraison à :\n59000 Lille", "59000")]
    [InlineData("send it to SW1A 1AA please", "SW1A 1AA")]
    public void Finds_postcodes_in_context(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.ZipCode(), text));

    [Theory]
    [InlineData("Order 43995 is late")]
    [InlineData("Bestellung #40250 ist nicht angekommen")]
    [InlineData("a total of 12345 EUR")]
    [InlineData("amount 12,345.00")]
    [InlineData("Ticket 59000 Lille office")] // five digits after a word, not at a line start or after a comma
    [InlineData("SKU AB12 3CDE")]
    public void Leaves_order_numbers_and_amounts(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.ZipCode(), text));

    [Fact]
    public void Leaves_the_tail_of_a_street_address_to_the_address_recognizer() =>
        Assert.Empty(Findings.Of(PiiRecognizers.ZipCode(), "Anschrift: Lindenstr. 71, 46596 Parisianhaven."));
}
