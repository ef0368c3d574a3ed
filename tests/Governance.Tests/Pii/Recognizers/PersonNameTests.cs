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
    [InlineData("Hi Olwen,\nthe hub is offline", "Olwen")]
    [InlineData("Dear Ngozi Adeyemi!", "Ngozi Adeyemi")]
    [InlineData("hello Tadeusz\ncan you help", "Tadeusz")]
    public void Names_after_context_words_and_titles(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.PersonNameInContext(), text));

    [Theory]
    [InlineData("Hi Team, the printer is broken")]
    [InlineData("Bonjour Madame, ma commande")]
    [InlineData("Thanks for the help")]
    [InlineData("my name is not important")] // not capitalised
    [InlineData("Merci Beaucoup pour tout")]
    [InlineData("This is Urgent, please")]
    [InlineData("Bonjour,\n\nDepuis la mise à jour, l'appli plante")] // the greeting's line ends before the next sentence
    [InlineData("Madame, Monsieur,\n\nJ'ai commandé un hub")]
    [InlineData("Hello,\n\nHow many days of video are kept?")]
    [InlineData("Dear Lumio team,\nthe hub is offline")] // a company greeted, not a person
    [InlineData("Hello Acme support, my plug is dead")]
    [InlineData("hi We're away for three months")] // a sentence starts right after an informal greeting
    [InlineData("bonjour Depuis la mise à jour le hub ne marche plus")]
    public void Greetings_without_a_name_are_ignored(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.PersonNameInContext(), text));

    [Theory]
    [InlineData("Yesterday Jean-Pierre Martin called", "Jean-Pierre Martin")]
    [InlineData("please forward to Sophie Wagner today", "Sophie Wagner")]
    [InlineData("Torben Schmidt hat angerufen", "Torben Schmidt")]
    [InlineData("ask Hélène about it", "Hélène")]
    [InlineData("Capucine Morel a appelé hier", "Capucine Morel")]
    [InlineData("bitte an Malte Brandt weiterleiten", "Malte Brandt")]
    [InlineData("my neighbour Ciara Walsh has the same hub", "Ciara Walsh")]
    public void Known_first_names_with_last_name(string text, string expected) =>
        Assert.Equal([expected], Findings.Of(PiiRecognizers.PersonNameFromFirstName(), text));

    [Theory]
    [InlineData("The Printer Is Broken Again")]
    [InlineData("Paris in May")]
    [InlineData("Till now the Ruby SDK worked")] // names that are also words or technologies are left out
    [InlineData("Amber LED blinks, Ernst der Lage")]
    [InlineData("jean is a fabric")] // not capitalised
    public void Capitalised_words_that_are_not_first_names_are_ignored(string text) =>
        Assert.Empty(Findings.Of(PiiRecognizers.PersonNameFromFirstName(), text));
}
