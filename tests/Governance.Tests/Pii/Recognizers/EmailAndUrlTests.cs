using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class EmailAndUrlTests
{
    [Theory]
    [InlineData("Write to john.smith@example.com please", "john.smith@example.com")]
    [InlineData("mail: marie-claire.dupont+sav@orange.fr.", "marie-claire.dupont+sav@orange.fr")]
    [InlineData("<a.b@sub.domain.co.uk>", "a.b@sub.domain.co.uk")]
    public void Email_finds_addresses(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.Email(), text));

    [Fact]
    public void Email_finds_each_of_several_addresses() =>
        Assert.Equal(["a@example.com", "b.c@example.org"],
            Findings.Of(PiiRecognizers.Email(), "cc a@example.com, @here and b.c@example.org; x@@y"));

    [Theory]
    [InlineData("send it @ noon")]
    [InlineData("user@localhost")]
    [InlineData("price is 3@4 each")]
    public void Email_ignores_non_addresses(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.Email(), text));

    [Theory]
    [InlineData("See https://shop.example.com/orders?id=42.", "https://shop.example.com/orders?id=42")]
    [InlineData("go to www.example.org/profile/jdoe, then", "www.example.org/profile/jdoe")]
    public void Url_finds_links_without_trailing_punctuation(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.Url(), text));

    [Fact]
    public void Url_ignores_plain_words() =>
        Assert.Empty(Findings.Of(PiiRecognizers.Url(), "the website was down"));
}
