using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Grounding;

/// <summary>Invariants checked over many generated (seeded, so reproducible) evidence sets full of awkward punctuation.</summary>
public class DraftInvariantTests
{
    private static readonly string[] Pieces =
    [
        "refund", "parcel", "password", "invoice", "gift card", "Mr. Smith", "e.g.", "1.5", "«", "»", "Mme.", "remboursement",
        "délai", "?", "!", "...", ".", ".", ".", "\n", "\n\n", "- ", "1. ", "(", ")", "\"", "approx.", "colis", "etc.", "The", "Les",
        "tracking", "warehouse", "payment", "sécurité", "login", "\u00A0»", "v2.0", "example.com",
    ];

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 1; seed <= 40; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Quotes_cite_their_passage_and_streaming_adds_up(int seed)
    {
        var random = new Random(seed);
        var evidence = new List<EvidencePassage>();
        for (int p = 0; p < 1 + random.Next(5); p++)
        {
            evidence.Add(new EvidencePassage($"id-{p}", $"Source {p}", Words(random, 10 + random.Next(60))));
        }

        string question = Words(random, 3 + random.Next(8));
        var writer = new GroundedDraftWriter(new GroundedDraftOptions { MinSupport = 0.05 });

        GroundedDraft draft = writer.WriteReply(question, evidence);

        Assert.Equal(draft.Grounded, draft.Sentences.Count > 0);
        foreach (DraftSentence sentence in draft.Sentences)
        {
            EvidencePassage passage = evidence.Single(p => p.Id == sentence.EvidenceId);
            Assert.Contains(sentence.Text, passage.Text, StringComparison.Ordinal);
            Assert.Equal(sentence.Text.Trim(), sentence.Text);
            Assert.InRange(sentence.Support, 0.05, 1.0000001);
            Assert.Equal(passage.Id, draft.Citations[sentence.CitationNumber - 1].EvidenceId);
        }

        Assert.Equal(draft.Text, writer.WriteReply(question, evidence).Text);
        DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(draft, evidence);
        DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(writer.WriteSummary(evidence), evidence);
        var result = new InferenceResult($"run-{seed}", "Triage") { Label = "label " + Words(random, 2), Confidence = random.NextDouble(), Score = random.NextDouble() - 0.5 };
        DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(writer.WriteReport(result, evidence, question), evidence, result.Id);

        using var client = new GroundedChatClient(writer);
        var streamed = new System.Text.StringBuilder();
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(EvidencePrompt.Build(question, evidence)))
        {
            streamed.Append(update.Text);
        }

        ChatResponse response = await client.GetResponseAsync(EvidencePrompt.Build(question, evidence));
        Assert.Equal(response.Text, streamed.ToString());
    }

    private static string Words(Random random, int count)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]).Append(random.Next(4) == 0 ? "" : " ");
        }

        return text.ToString();
    }
}
