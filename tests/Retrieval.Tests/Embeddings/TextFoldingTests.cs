using System.Globalization;
using System.Text;
using HybridAI.Retrieval.Embeddings;

namespace HybridAI.Retrieval.Tests.Embeddings;

public sealed class TextFoldingTests
{
    [Fact]
    public void Latin1_letters_lose_their_accents_as_Unicode_decomposition_says()
    {
        Span<char> folded = stackalloc char[2];
        for (char c = '\u00C0'; c <= '\u00FF'; c++)
        {
            string decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length < 2)
            {
                continue; // no accent to remove (Æ, ß, Ø, ×, ...)
            }

            int n = TextFolding.Fold([c], folded, foldCase: false, foldAccents: true);

            Assert.Equal(decomposed[..1], folded[..n].ToString());
        }
    }

    [Theory]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Ærø", "aero")]
    [InlineData("straße", "strasse")]
    [InlineData("L’ÎLE", "l'ile")]
    [InlineData("ŸVES", "yves")]
    public void Ligatures_and_apostrophes_fold_to_their_ASCII_spelling(string text, string expected)
    {
        Span<char> folded = stackalloc char[text.Length * 2];
        int n = TextFolding.Fold(text, folded, foldCase: true, foldAccents: true);

        Assert.Equal(expected, folded[..n].ToString(), StringComparer.Ordinal);
        Assert.Equal(expected, expected.ToLower(CultureInfo.InvariantCulture));
    }
}
