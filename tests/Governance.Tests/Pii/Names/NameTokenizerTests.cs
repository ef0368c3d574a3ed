using HybridAI.Governance.Pii.Names;

namespace HybridAI.Governance.Tests.Pii.Names;

public class NameTokenizerTests
{
    private static List<(string Text, TokenFlags Flags)> Tokens(string text)
    {
        var tokens = new NameToken[2]; // small on purpose: tokenizing must grow it
        var n = NameTokenizer.Tokenize(text, ref tokens);
        return [.. tokens.Take(n).Select(t => (text.Substring(t.Start, t.Length), t.Flags))];
    }

    [Fact]
    public void Words_keep_inner_hyphens_and_irish_apostrophes_and_split_french_elisions()
    {
        Assert.Equal(["Jean-Pierre", "O'Brien", "d", "'", "Alésia", ",", "SARL", "42"],
            Tokens("Jean-Pierre O'Brien d'Alésia, SARL 42").Select(t => t.Text));
    }

    [Fact]
    public void Flags_mark_case_and_sentence_starts_but_not_after_a_title_dot()
    {
        var tokens = Tokens("Hier M. Dupont a payé. Merci\nOK");
        Assert.Equal(TokenFlags.Word | TokenFlags.Capitalised | TokenFlags.SentenceStart, tokens[0].Flags);
        Assert.Equal(TokenFlags.Word | TokenFlags.Capitalised, tokens[3].Flags); // "Dupont": "M." ends no sentence
        Assert.Equal(TokenFlags.Word, tokens[5].Flags); // "payé"
        Assert.Equal(TokenFlags.Word | TokenFlags.Capitalised | TokenFlags.SentenceStart, tokens[7].Flags); // "Merci"
        Assert.Equal(TokenFlags.Word | TokenFlags.Capitalised | TokenFlags.AllCaps | TokenFlags.SentenceStart, tokens[8].Flags); // "OK" on a new line
    }

    [Fact]
    public void Empty_and_blank_text_give_no_tokens()
    {
        Assert.Empty(Tokens(""));
        Assert.Empty(Tokens(" \n\t "));
    }
}
