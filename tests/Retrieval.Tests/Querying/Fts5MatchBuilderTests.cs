using HybridAI.Retrieval.Querying;

namespace HybridAI.Retrieval.Tests.Querying;

public sealed class Fts5MatchBuilderTests
{
    private readonly Fts5MatchBuilder _exact = new(KeywordStopWords.EnglishAndFrench, matchWordForms: false);
    private readonly Fts5MatchBuilder _forms = new(KeywordStopWords.EnglishAndFrench, matchWordForms: true);

    [Fact]
    public void Words_are_quoted_and_OR_combined_without_stop_words_or_operators()
    {
        Assert.Equal("\"refund\" OR \"card\"", _exact.Build("How can I have a REFUND for my card?"));
        Assert.Equal("\"application\" OR \"plante\"", _exact.Build("L'application plante"));
        Assert.Equal("\"p\" OR \"q\" OR \"r\"", _exact.Build("p AND q NEAR(r) OR NOT p*"));
    }

    [Fact]
    public void Text_with_only_stop_words_is_searched_as_typed_and_text_without_words_gives_null()
    {
        Assert.Equal("\"not\"", _exact.Build("NOT"));
        Assert.Null(_exact.Build(" \"*^:() -- "));
        Assert.Null(_exact.Build(""));
    }

    [Fact]
    public void Word_forms_add_a_prefix_of_the_stem()
    {
        Assert.Equal("\"remboursement\" OR \"rembours\"*", _forms.Build("remboursement"));
        Assert.Equal("\"refunded\" OR \"refund\"*", _forms.Build("refunded"));
        Assert.Equal("\"vpn\" OR \"404\"", _forms.Build("vpn 404"));
    }

    [Fact]
    public void Terms_are_capped()
    {
        string query = string.Join(' ', Enumerable.Range(0, 100).Select(i => "word" + i));
        Assert.Equal(Fts5MatchBuilder.MaxTerms, _exact.Build(query)!.Split(" OR ").Length);
    }
}
