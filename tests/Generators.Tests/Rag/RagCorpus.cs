using System.Globalization;
using System.Text;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Tests.Grounding;

namespace HybridAI.Generators.Tests.Rag;

/// <summary>Ranked evidence for the RAG tests: the shared knowledge base plus generated, deterministic filler passages of varied length.</summary>
internal static class RagCorpus
{
    public const string RefundQuestion = "How long do refunds to my payment method take?";

    private static readonly string[] Topics = ["warehouse", "invoice", "loyalty", "newsletter", "pickup", "voucher", "catalogue", "helpdesk"];

    /// <summary>The knowledge base first (best), then <paramref name="fillers"/> generated passages of 1 to 12 sentences.</summary>
    public static IReadOnlyList<EvidencePassage> Ranked(int fillers = 24)
    {
        var passages = new List<EvidencePassage>(KnowledgeBase.All);
        for (int i = 0; i < fillers; i++)
        {
            passages.Add(Filler(i, 1 + ((i * 5) % 12)));
        }

        return passages;
    }

    public static EvidencePassage Filler(int i, int sentences)
    {
        var text = new StringBuilder();
        for (int s = 0; s < sentences; s++)
        {
            string topic = Topics[(i + s) % Topics.Length];
            text.Append(CultureInfo.InvariantCulture, $"The {topic} team handles request number {(i * 100) + s} during the {topic} review, ")
                .Append(CultureInfo.InvariantCulture, $"and écrit un résumé «{topic}» pour l'équipe {s}. ");
        }

        return new EvidencePassage($"filler-{i}", $"Notes ({Topics[i % Topics.Length]}) #{i}", text.ToString().TrimEnd());
    }

    /// <summary>One passage far larger than any context window: <paramref name="sentences"/> sentences.</summary>
    public static EvidencePassage Huge(int sentences)
    {
        var text = new StringBuilder();
        for (int s = 0; s < sentences; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Log line {s} records that parcel {s * 7} left hub {s % 13} on time. ");
        }

        return new EvidencePassage("huge", "Shipping log", text.ToString().TrimEnd());
    }
}
