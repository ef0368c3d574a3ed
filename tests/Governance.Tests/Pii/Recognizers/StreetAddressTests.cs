using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class StreetAddressTests
{
    [Theory]
    [InlineData("My address is 170 Station Road, Leeds LS2 7EY.", "170 Station Road, Leeds LS2 7EY")]
    [InlineData("send it to 10 Downing Street please", "10 Downing Street")]
    [InlineData("ship to 12 Elm St, Springfield, IL 62704 asap", "12 Elm St, Springfield, IL 62704")]
    [InlineData("au bureau (137 chemin du Moulin, 59000 Lille) ?", "137 chemin du Moulin, 59000 Lille")]
    [InlineData("j'habite 4 bis rue de la Paix, 75002 Paris", "4 bis rue de la Paix, 75002 Paris")]
    [InlineData("134 avenue Jean Jaurès, 33000 Bordeaux", "134 avenue Jean Jaurès, 33000 Bordeaux")]
    [InlineData("Adresse: Lindenstraße 165, 80331 München.", "Lindenstraße 165, 80331 München")]
    [InlineData("an Gartenweg 124, 10115 Berlin senden", "Gartenweg 124, 10115 Berlin")]
    public void Finds_english_french_and_german_addresses_with_city_and_postcode(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.StreetAddress(), text));

    [Theory]
    [InlineData("Section 5 Road safety rules apply")] // no number right before a street name
    [InlineData("I live on Station Road")] // a street without a number is not an address
    [InlineData("order 48213 shipped on 3 March")]
    [InlineData("Wait 3 days, then restart the hub")]
    [InlineData("Le colis 12 rue a été perdu")] // a French street type with no name after it
    [InlineData("Der Weg ist lang")]
    public void Ignores_text_that_only_looks_like_an_address(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.StreetAddress(), text));
}
