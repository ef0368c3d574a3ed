using HybridAI.Generators.Text;

namespace HybridAI.Generators.Tests.Text;

public class TokenEstimateTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello, world.", 4)]
    [InlineData("internationalization", 4)]
    [InlineData("a b c", 3)]
    public void Counts_word_pieces_and_punctuation(string text, int expected) =>
        Assert.Equal(expected, TokenEstimate.Count(text));
}
