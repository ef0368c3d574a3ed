using HybridAI.Abstractions.Classification;
using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

/// <summary>
/// Over every golden ticket of scenario 01 and its category's knowledge-base chunks: replies, summaries and reports
/// only ever say what a cited chunk says or what the cited model output says; the rest is declared boilerplate.
/// </summary>
public class ScenarioGroundingTests
{
    private static readonly GroundedDraftWriter Writer = new();

    [Fact]
    public void Every_reply_sentence_is_quoted_from_the_chunk_it_cites()
    {
        int grounded = 0;
        foreach (ScenarioEvidence.Ticket ticket in ScenarioEvidence.Tickets)
        {
            IReadOnlyList<EvidencePassage> evidence = ScenarioEvidence.For(ticket);

            GroundedDraft draft = Writer.WriteReply(ticket.Text, evidence);

            DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(draft, evidence);
            Assert.All(draft.Sentences, s => Assert.Equal(CitationKind.Evidence, s.Kind));
            Assert.Equal(draft.Grounded, draft.Citations.Count > 0);
            grounded += draft.Grounded ? 1 : 0;
        }

        // Not vacuous: most tickets do get an answer out of their category's articles.
        Assert.True(grounded > ScenarioEvidence.Tickets.Count / 2, $"only {grounded} of {ScenarioEvidence.Tickets.Count} replies were grounded");
    }

    [Fact]
    public void Every_summary_sentence_is_quoted_from_the_chunk_it_cites()
    {
        foreach (ScenarioEvidence.Ticket ticket in ScenarioEvidence.Tickets)
        {
            IReadOnlyList<EvidencePassage> evidence = ScenarioEvidence.For(ticket);

            GroundedDraft overview = Writer.WriteSummary(evidence);
            GroundedDraft focused = Writer.WriteSummary(evidence, focus: ticket.Text);

            Assert.True(overview.Grounded);
            DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(overview, evidence);
            DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(focused, evidence);
        }
    }

    [Fact]
    public void Every_report_sentence_cites_its_chunk_or_the_model_output()
    {
        int withEvidence = 0;
        foreach (ScenarioEvidence.Ticket ticket in ScenarioEvidence.Tickets)
        {
            IReadOnlyList<EvidencePassage> evidence = ScenarioEvidence.For(ticket);
            var result = new InferenceResult(ticket.Id + "/triage", "Ticket triage")
            {
                Label = ticket.Category,
                Confidence = 0.81,
                Score = 0.35,
                TopFeatures = [new FeatureContribution("refund", 1.2), new FeatureContribution("password", 0.4)],
            };

            GroundedDraft report = Writer.WriteReport(result, evidence, focus: ticket.Text);

            DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(report, evidence, result.Id);
            Assert.Equal(3, report.Sentences.Count(s => s.Kind == CitationKind.ModelOutput));
            Assert.Equal(new Citation(1, result.Id, "Ticket triage", CitationKind.ModelOutput), report.Citations[0]);
            Assert.Contains(ticket.Category, report.Sentences[0].Text, StringComparison.Ordinal);
            withEvidence += report.Sentences.Any(s => s.Kind == CitationKind.Evidence) ? 1 : 0;
        }

        Assert.True(withEvidence > ScenarioEvidence.Tickets.Count / 2, $"only {withEvidence} reports quoted evidence");
    }
}
