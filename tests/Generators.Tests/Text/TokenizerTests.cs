using HybridAI.Generators.Text;

namespace HybridAI.Generators.Tests.Text;

public class TokenizerTests
{
    private static List<int> Tokenize(string text, Vocabulary vocabulary)
    {
        var ids = new List<int>();
        Tokenizer.Tokenize(text, vocabulary, ids);
        return ids;
    }

    [Fact]
    public void Accents_case_and_plurals_fold_to_the_same_term()
    {
        var vocabulary = new Vocabulary();

        List<int> first = Tokenize("Réponse REFUNDS", vocabulary);
        List<int> second = Tokenize("reponse refund", vocabulary);

        Assert.Equal(2, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Function_words_in_both_languages_are_dropped()
    {
        var vocabulary = new Vocabulary();

        Assert.Empty(Tokenize("What is it that you and I have? Je suis là et vous êtes ici.", vocabulary));
        Assert.Equal(2, Tokenize("the refund and le remboursement", vocabulary).Count);
    }

    [Fact]
    public void Decimals_stay_one_term_whichever_separator()
    {
        var vocabulary = new Vocabulary();

        List<int> dot = Tokenize("1.5", vocabulary);
        List<int> comma = Tokenize("1,5", vocabulary);

        Assert.Single(dot);
        Assert.Equal(dot, comma);
        Assert.Equal(1, vocabulary.Count);
    }
}
