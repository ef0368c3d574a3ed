using HybridAI.Abstractions.Retrieval;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Tests.Text;

public class SentenceSplitterTests
{
    private static List<string> Split(string text)
    {
        var spans = new List<TextSpan>();
        SentenceSplitter.Split(text, spans);
        var sentences = new List<string>();
        foreach (TextSpan span in spans)
        {
            sentences.Add(text.Substring(span.Start, span.Length));
        }

        return sentences;
    }

    [Fact]
    public void Abbreviations_initials_and_decimals_do_not_end_a_sentence()
    {
        List<string> sentences = Split(
            "Please ask Mr. Smith at the desk. He can help, e.g. with returns, i.e. anything bought in store. " +
            "Prices rose by 1.5 percent, approx. three euros. Dr. J. Watson signs the forms.");

        Assert.Equal(
            [
                "Please ask Mr. Smith at the desk.",
                "He can help, e.g. with returns, i.e. anything bought in store.",
                "Prices rose by 1.5 percent, approx. three euros.",
                "Dr. J. Watson signs the forms.",
            ],
            sentences);
    }

    [Fact]
    public void French_abbreviations_and_guillemets_stay_inside_their_sentence()
    {
        List<string> sentences = Split(
            "M. Dupont a écrit « Votre colis arrive demain. Merci ! » Ensuite Mme. Martin a répondu. " +
            "Cliquez sur « Enregistrer. » puis fermez la fenêtre.");

        Assert.Equal(
            [
                "M. Dupont a écrit « Votre colis arrive demain. Merci ! »",
                "Ensuite Mme. Martin a répondu.",
                "Cliquez sur « Enregistrer. » puis fermez la fenêtre.",
            ],
            sentences);
    }

    [Fact]
    public void Questions_exclamations_ellipses_and_closing_quotes_end_sentences()
    {
        List<string> sentences = Split("Is it late? \"Yes, it is!\" Well... We wait (for now.) Done");

        Assert.Equal(["Is it late?", "\"Yes, it is!\"", "Well...", "We wait (for now.)", "Done"], sentences);
    }

    [Fact]
    public void Wrapped_lines_join_but_blank_lines_and_list_items_split()
    {
        List<string> sentences = Split("Reset your password\nfrom the login page\n\nSteps:\n- Open the app\n- Tap Settings\n1. Choose Security");

        Assert.Equal(["Reset your password\nfrom the login page", "Steps:", "Open the app", "Tap Settings", "Choose Security"], sentences);
    }

    [Fact]
    public void Urls_and_versions_are_not_split()
    {
        List<string> sentences = Split("Visit example.com for v2.0 notes. Then update.");

        Assert.Equal(["Visit example.com for v2.0 notes.", "Then update."], sentences);
    }

    [Fact]
    public void Every_sentence_is_a_substring_at_its_span()
    {
        const string text = "  First one.   Second one!\n\n  - Third one ";
        var spans = new List<TextSpan>();
        SentenceSplitter.Split(text, spans);

        Assert.Equal(3, spans.Count);
        Assert.Equal("First one.", text.Substring(spans[0].Start, spans[0].Length));
        Assert.Equal("Third one", text.Substring(spans[2].Start, spans[2].Length));
    }
}
