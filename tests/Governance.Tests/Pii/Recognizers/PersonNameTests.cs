using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Recognizers;

public class PersonNameTests
{
    [Theory]
    [InlineData("Hello, my name is Kowalczyk and I need help", "Kowalczyk")]
    [InlineData("Bonjour, je m'appelle Gwenaëlle Le Goff.", "Gwenaëlle Le Goff")]
    [InlineData("Dear Mr. Thornbury,", "Thornbury")]
    [InlineData("Bonjour Madame Lefebvre, merci", "Lefebvre")]
    [InlineData("Mme Zadig a appelé", "Zadig")]
    [InlineData("Veuillez contacter M. Bérégovoy demain", "Bérégovoy")]
    [InlineData("Cordialement,\nYannick DUPUIS\nService client", "Yannick DUPUIS")]
    [InlineData("Kind regards,\r\nPriya Raghunathan", "Priya Raghunathan")]
    [InlineData("Sehr geehrte Frau Schwarzenegger", "Schwarzenegger")]
    [InlineData("Kontaktieren Sie Herrn Müller-Lüdenscheidt bitte", "Müller-Lüdenscheidt")]
    public void Names_after_context_words_and_titles(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.PersonNameInContext(), text));

    [Theory]
    [InlineData("Hi Team, the printer is broken")]
    [InlineData("Bonjour Madame, ma commande")]
    [InlineData("Thanks for the help")]
    [InlineData("my name is not important")] // not capitalised
    [InlineData("Merci Beaucoup pour tout")]
    [InlineData("This is Urgent, please")]
    public void Greetings_without_a_name_are_ignored(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.PersonNameInContext(), text));

    [Theory]
    [InlineData("Yesterday Jean-Pierre Martin called", "Jean-Pierre Martin")]
    [InlineData("please forward to Sophie Wagner today", "Sophie Wagner")]
    [InlineData("Jürgen Schmidt hat angerufen", "Jürgen Schmidt")]
    [InlineData("ask Hélène about it", "Hélène")]
    public void Known_first_names_with_last_name(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.PersonNameFromFirstName(), text));

    [Theory]
    [InlineData("The Printer Is Broken Again")]
    [InlineData("Paris in May")]
    [InlineData("jean is a fabric")] // not capitalised
    public void Capitalised_words_that_are_not_first_names_are_ignored(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.PersonNameFromFirstName(), text));
}
