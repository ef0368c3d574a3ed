using HybridAI.Abstractions.Classification;
using HybridAI.Generators.Grounding;
using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;

namespace HybridAI.Benchmarks;

/// <summary>
/// Single-thread drafts/s of the no-model <see cref="GroundedDraftWriter"/>: a reply, a focused summary and a triage
/// report per golden ticket of scenario 01, each over 5 knowledge-base paragraphs of about 100 words from the ticket's
/// category (the shape of a top-5 retrieval), with the bytes allocated per draft.
/// </summary>
internal static class DraftThroughput
{
    private const int PassagesPerDraft = 5;

    public static void Run()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        Case[] cases = BuildCases(data);
        double words = cases.Average(c => c.Evidence.Sum(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) / (double)c.Evidence.Count);
        Console.WriteLine($"{cases.Length} tickets, {PassagesPerDraft} passages each, mean {words:F0} words per passage");

        var writer = new GroundedDraftWriter();
        Measure("reply", cases, c => writer.WriteReply(c.Question, c.Evidence));
        Measure("summary", cases, c => writer.WriteSummary(c.Evidence, focus: c.Question));
        Measure("report", cases, c => writer.WriteReport(c.Result, c.Evidence, focus: c.Question));
    }

    // Drafts per CPU-second (Rate), which holds up on a shared machine; allocations from one pass on this thread.
    private static void Measure(string name, Case[] cases, Func<Case, GroundedDraft> draft)
    {
        int grounded = 0;
        foreach (Case c in cases)
        {
            grounded += draft(c).Grounded ? 1 : 0; // warm-up, and a sanity figure
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        foreach (Case c in cases)
        {
            draft(c);
        }

        double bytesPerDraft = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)cases.Length;
        Rate rate = Rate.Measure(1, (_, i) =>
        {
            draft(cases[i % cases.Length]);
            return 1;
        });
        Console.WriteLine($"drafts, {name}, 1 thread: {rate.PerCoreSecond:N0} drafts/s per core ({1e6 / rate.PerCoreSecond:F1} µs each; {rate.PerSecond:N0}/s wall), " +
            $"{bytesPerDraft / 1024:F1} KiB allocated per draft, {grounded}/{cases.Length} grounded");
    }

    private static Case[] BuildCases(TicketDataSet data)
    {
        // Paragraphs of about 100 words (85-160), the size of a retrieval chunk.
        var paragraphs = new List<(KnowledgeBaseArticle Article, EvidencePassage Passage)>();
        foreach (KnowledgeBaseArticle article in data.Articles)
        {
            string[] parts = article.Markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (int i = 0; i < parts.Length; i++)
            {
                int words = parts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words is >= 85 and <= 160)
                {
                    paragraphs.Add((article, new EvidencePassage($"{article.Id}#{i}", article.Title, parts[i])));
                }
            }
        }

        var cases = new List<Case>();
        foreach (TicketRecord ticket in data.Golden)
        {
            EvidencePassage[] evidence =
            [
                .. paragraphs.Where(p => p.Article.Category == ticket.Category && p.Article.Language == ticket.Language)
                    .Concat(paragraphs.Where(p => p.Article.Category == ticket.Category && p.Article.Language != ticket.Language))
                    .Concat(paragraphs.Where(p => p.Article.Category != ticket.Category))
                    .Take(PassagesPerDraft)
                    .Select(p => p.Passage),
            ];
            var result = new InferenceResult($"{ticket.Id}/triage", "Ticket triage (text LR)")
            {
                Label = ticket.Category,
                Confidence = 0.87,
                Score = 0.42,
                TopFeatures = [new FeatureContribution("refund", 1.9), new FeatureContribution("invoice", 0.8), new FeatureContribution("charged", 0.35)],
            };
            cases.Add(new Case(ticket.Subject + "\n" + ticket.Body, evidence, result));
        }

        return [.. cases];
    }

    private sealed record Case(string Question, IReadOnlyList<EvidencePassage> Evidence, InferenceResult Result);
}
