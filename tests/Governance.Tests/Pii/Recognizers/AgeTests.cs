using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class AgeTests
{
    [Theory]
    [InlineData("He is 42 years old.")]
    [InlineData("the insured (aged 42) was hurt")]
    [InlineData("Age: 42, smoker")]
    [InlineData("J'ai 42 ans et je n'arrive plus")]
    [InlineData("Mme Durand, âgée de 42 ans, signale")]
    [InlineData("Helene Spanu, 42 Jahre, Wasserschaden")]
    public void Finds_the_number_of_an_age(string text) =>
        Assert.Equal(["42"], Findings.Of(PiiRecognizers.Age(), text));

    [Theory]
    [InlineData("Order 42 shipped")]
    [InlineData("client depuis 10 ans")]
    [InlineData("we have worked together for 5 years")]
    [InlineData("il y a 3 ans")]
    [InlineData("paiement à 30 jours")]
    [InlineData("the 42.5 years old figure")]
    [InlineData("aged 200")]
    public void Leaves_numbers_that_are_not_ages(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.Age(), text));
}
