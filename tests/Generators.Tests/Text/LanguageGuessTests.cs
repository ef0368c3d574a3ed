using HybridAI.Generators.Text;

namespace HybridAI.Generators.Tests.Text;

public class LanguageGuessTests
{
    [Theory]
    [InlineData("How long does it take to get my refund?", "en")]
    [InlineData("Bonjour, dans quel délai vais-je recevoir mon remboursement ?", "fr")]
    [InlineData("Je n'arrive pas à me connecter", "fr")]
    [InlineData("My parcel is late and the tracking page is empty", "en")]
    [InlineData("", "en")]
    public void Guesses_the_language_of_short_tickets(string text, string expected) =>
        Assert.Equal(expected, LanguageGuess.Detect(text));
}
