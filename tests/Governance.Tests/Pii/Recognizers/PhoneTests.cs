using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class PhoneTests
{
    [Theory]
    // international
    [InlineData("call +33 6 12 34 56 78 now", "+33 6 12 34 56 78")]
    [InlineData("tel +33 (0)1 42 68 53 00", "+33 (0)1 42 68 53 00")]
    [InlineData("+33612345678", "+33612345678")]
    [InlineData("ring +44 20 7946 0958", "+44 20 7946 0958")]
    [InlineData("mobile +44 7700 900123", "+44 7700 900123")]
    [InlineData("Büro +49 30 1234567", "+49 30 1234567")]
    [InlineData("0049 89 1234 5678", "0049 89 1234 5678")]
    [InlineData("US: +1 (555) 123-4567", "+1 (555) 123-4567")]
    [InlineData("+1 415 555 2671", "+1 415 555 2671")]
    // national US
    [InlineData("call (555) 123-4567 today", "(555) 123-4567")]
    [InlineData("call 555-123-4567 today", "555-123-4567")]
    [InlineData("call 415.555.2671 today", "415.555.2671")]
    // national UK
    [InlineData("office 020 7946 0958", "020 7946 0958")]
    [InlineData("mobile 07700 900123", "07700 900123")]
    [InlineData("Manchester 0161 496 0000", "0161 496 0000")]
    // national France
    [InlineData("appelez le 06 12 34 56 78 svp", "06 12 34 56 78")]
    [InlineData("portable: 06.12.34.56.78", "06.12.34.56.78")]
    [InlineData("fixe 01-42-68-53-00", "01-42-68-53-00")]
    [InlineData("tél 0612345678", "0612345678")]
    [InlineData("je n'ai plus accès au compte. Tél : 06 12 34 56 78", "06 12 34 56 78")] // a phone word right before beats a reference word further back
    [InlineData("order CMD-12345 is late, call me on 07700 900123", "07700 900123")]
    // national Germany
    [InlineData("Telefon 030 123456", "030 123456")]
    [InlineData("Telefon (089) 1234567", "(089) 1234567")]
    public void Finds_phone_numbers(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.Phone(), text));

    [Theory]
    [InlineData("Delivered on 12/05/2024")]
    [InlineData("Delivered on 12.05.2024")]
    [InlineData("Delivered on 05.12.2024 at 10:30")]
    [InlineData("Delivered on 2024-05-12")]
    [InlineData("Total 1 234 567,89 EUR")]
    [InlineData("Total $1,234.56 charged")]
    [InlineData("Price 1 250 000 €")]
    [InlineData("order #0612345678 shipped")]
    [InlineData("Order 0612 3456 7890 shipped")]
    [InlineData("commande 06 12 34 56 78 expédiée")]
    [InlineData("invoice 2024-00123")]
    [InlineData("we have 42 items in 3 boxes")]
    [InlineData("SSN 123-45-6789")]
    [InlineData("card 4111 1111 1111 1111")]
    [InlineData("call 123-456-7890")] // US area codes never start with 1
    [InlineData("+33 12 34")] // too few digits
    public void Ignores_dates_amounts_and_references(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.Phone(), text));

    [Fact]
    public void Context_word_raises_the_score()
    {
        var plain = new List<HybridAI.Abstractions.Privacy.PiiFinding>();
        var withContext = new List<HybridAI.Abstractions.Privacy.PiiFinding>();
        PiiRecognizers.Phone().Recognize("reach 06 12 34 56 78", plain);
        PiiRecognizers.Phone().Recognize("my phone: 06 12 34 56 78", withContext);
        Assert.True(withContext[0].Score > plain[0].Score);
    }
}
