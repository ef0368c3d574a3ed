using System.Text.RegularExpressions;
using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

/// <summary>
/// Checks that a draft's text is made only of cited claims, sources entries and declared boilerplate: take them all
/// out and nothing but whitespace may remain.
/// </summary>
internal static partial class DraftCoverage
{
    public static void AssertEverySentenceIsCitedOrBoilerplate(GroundedDraft draft, IReadOnlyList<EvidencePassage> evidence, string? inferenceId = null)
    {
        string rest = draft.Text;
        foreach (DraftSentence sentence in draft.Sentences)
        {
            Citation citation = Assert.Single(draft.Citations, c => c.Number == sentence.CitationNumber);
            Assert.Equal(sentence.Kind, citation.Kind);
            Assert.Equal(sentence.EvidenceId, citation.EvidenceId);
            if (sentence.Kind == CitationKind.Evidence)
            {
                EvidencePassage passage = Assert.Single(evidence, p => p.Id == citation.EvidenceId);
                Assert.Contains(sentence.Text, passage.Text, StringComparison.Ordinal);
                Assert.True(sentence.Support > 0, $"'{sentence.Text}' was quoted with no support");
            }
            else
            {
                Assert.Equal(inferenceId, citation.EvidenceId);
            }

            rest = RemoveOnce(rest, Spaces().Replace(sentence.Text, " ") + " [" + sentence.CitationNumber + "]");
        }

        foreach (Citation citation in draft.Citations)
        {
            Assert.Contains(draft.Sentences, s => s.CitationNumber == citation.Number);
            Match entry = new Regex("^" + Regex.Escape("[" + citation.Number + "] " + Spaces().Replace(citation.Source, " ")) + ".*$", RegexOptions.Multiline).Match(rest);
            Assert.True(entry.Success, $"no sources entry for [{citation.Number}] in:\n{draft.Text}");
            rest = rest.Remove(entry.Index, entry.Length);
        }

        foreach (string piece in draft.Boilerplate.OrderByDescending(p => p.Length))
        {
            rest = RemoveOnce(rest, piece);
        }

        Assert.True(string.IsNullOrWhiteSpace(rest), $"text that is neither a cited claim nor boilerplate: '{rest.Trim()}'\nin:\n{draft.Text}");
    }

    private static string RemoveOnce(string text, string piece)
    {
        int at = text.IndexOf(piece, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{piece}' is not in the draft text:\n{text}");
        return text.Remove(at, piece.Length);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
