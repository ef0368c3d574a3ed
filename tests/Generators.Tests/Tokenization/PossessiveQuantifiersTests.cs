using System.Text.RegularExpressions;
using HybridAI.Generators.Tokenization;

namespace HybridAI.Generators.Tests.Tokenization;

public class PossessiveQuantifiersTests
{
    [Theory]
    [InlineData(@"\p{L}++", @"(?>\p{L}+)")]
    [InlineData(@"[^\r\n\p{L}\p{N}]?+\p{L}+", @"(?>[^\r\n\p{L}\p{N}]?)\p{L}+")]
    [InlineData(@"\p{N}{1,3}+|x", @"(?>\p{N}{1,3})|x")]
    [InlineData(@"(?i:'s|'t)*+a", @"(?>(?i:'s|'t)*)a")]
    [InlineData(@"a+?b\++", @"a+?b\++")]
    [InlineData(@"\+++", @"(?>\++)")]
    [InlineData(@"\s+(?!\S)|\s+", @"\s+(?!\S)|\s+")]
    public void Rewrites_possessive_quantifiers_as_atomic_groups(string pattern, string expected) =>
        Assert.Equal(expected, PossessiveQuantifiers.ToAtomic(pattern));

    [Fact]
    public void The_rewritten_cl100k_pattern_of_python_tiktoken_splits_like_the_javascript_one()
    {
        // tiktoken's own (Rust/Python) cl100k pattern, which uses possessive quantifiers.
        var python = new Regex(PossessiveQuantifiers.ToAtomic(@"'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"));
        var javascript = new Regex(@"('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+");
        const string text = "I'm here: 12345 apples!!\n\n  x\tDON'T  \n";

        Assert.Equal(javascript.Matches(text).Select(m => m.Value), python.Matches(text).Select(m => m.Value));
    }
}
