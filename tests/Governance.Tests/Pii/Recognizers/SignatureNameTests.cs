using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class SignatureNameTests
{
    [Theory]
    [InlineData("Please fix it.\n\nBest,\nJana Weber\n+33 6 78 31 12 66", "Jana Weber")]
    [InlineData("Merci de votre aide.\n\nMerci d'avance,\nKatrin Schneider", "Katrin Schneider")]
    [InlineData("Thanks in advance,\r\nLiam Hoffmann\r\n", "Liam Hoffmann")]
    [InlineData("need the hub for that?\ncheers - Liam Mercier", "Liam Mercier")]
    [InlineData("c'est pressant.\nmerci bcp - Mathis Palmer", "Mathis Palmer")]
    [InlineData("the account is shared. My partner Grace Mercier set it up", "Grace Mercier")]
    [InlineData("c'est ma femme, Zoé Lambert, qui paie", "Zoé Lambert")]
    [InlineData("Mathis Clarke from your team told me to write in", "Mathis Clarke")]
    [InlineData("Meine Frau Anja Müller hat bestellt", "Anja Müller")]
    public void Finds_names_in_signatures_and_relationship_phrases(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.PersonNameInSignature(), text));

    [Theory]
    [InlineData("Best regards,\nCustomer Support")]
    [InlineData("Thank you,\nThe Lumio Team")]
    [InlineData("Hello,\nThank you for contacting us.")]
    [InlineData("Step 2 - Open Settings")]
    [InlineData("my partner Support Team set it up")] // stop words are not names
    [InlineData("my wife said Lumio Hub is broken")] // no name right after the relationship word
    [InlineData("We ordered it on Monday, as planned,\nNew York Office")] // the line before is not a short closing
    public void Ignores_capitalised_lines_that_are_not_people(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.PersonNameInSignature(), text));
}
