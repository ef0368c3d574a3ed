using HybridAI.Governance.Pii;
using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class BareDomainTests
{
    [Theory]
    [InlineData("see example.fr for details", "example.fr")]
    [InlineData("order at shop.example.co.uk.", "shop.example.co.uk")]
    [InlineData("go to acme.com/contact?id=4, thanks", "acme.com/contact?id=4")]
    public void Finds_domains_without_a_scheme(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.BareDomain(), text));

    [Theory]
    [InlineData("attached report.pdf and setup.exe")]
    [InlineData("upgrade to v2.3.1 or 10.4")]
    [InlineData("e.g. this, i.e. that")]
    [InlineData("the app.It crashed")]
    [InlineData("run main.py then read notes.md")]
    public void Leaves_file_names_and_versions(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.BareDomain(), text));

    [Fact]
    public void The_domain_of_an_email_stays_part_of_the_email()
    {
        var found = Findings.Of(PiiDetector.CreateDefault(), "write to jo@wanadoo.fr today");
        Assert.Equal([("EMAIL", "jo@wanadoo.fr")], found);
    }
}
