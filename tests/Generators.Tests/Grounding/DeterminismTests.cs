using System.Globalization;
using HybridAI.Abstractions.Classification;
using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

/// <summary>Same input, byte-identical drafts: on any thread and under any current culture.</summary>
public class DeterminismTests
{
    private static readonly EvidencePassage Invoices = new(
        "kb-inv", "INVOICES (EU)", "INVOICES are issued IN the billing area within 1.5 days. Invoice numbers look like INV-2026-000001. Your bank may show 2,5 EUR fees.");

    private static readonly InferenceResult Billing = new("t-9/triage", "Triage")
    {
        Label = "billing",
        Confidence = 0.8765,
        Score = 1234.5678,
        TopFeatures = [new("invoice", 1.25), new("fee", -0.5)],
    };

    private static string[] DraftAll()
    {
        var writer = new GroundedDraftWriter();
        IReadOnlyList<EvidencePassage> evidence = [.. KnowledgeBase.All, Invoices];
        return
        [
            writer.WriteReply("When are invoices issued in the billing area?", evidence).Text,
            writer.WriteReply("Bonjour, où trouver ma facture ? Les remboursements sont-ils rapides ?", evidence).Text,
            writer.WriteSummary(evidence).Text,
            writer.WriteReport(Billing, evidence, focus: "invoice fees").Text,
            new GroundedDraftWriter(new GroundedDraftOptions { Language = "fr" }).WriteReport(Billing, evidence).Text,
        ];
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("tr-TR")]
    [InlineData("de-CH")]
    [InlineData("ar-SA")]
    public void The_current_culture_changes_nothing(string culture)
    {
        string[] invariant = WithCulture(CultureInfo.InvariantCulture, DraftAll);

        string[] local = WithCulture(CultureInfo.GetCultureInfo(culture), DraftAll);

        Assert.Equal(invariant, local);
        Assert.Contains("87.7%", invariant[3], StringComparison.Ordinal);
        Assert.Contains("1234.568", invariant[3], StringComparison.Ordinal);
        Assert.Contains("87,7 %", invariant[4], StringComparison.Ordinal);
        Assert.Contains("INVOICES are issued IN the billing area within 1.5 days. [1]", local[0], StringComparison.Ordinal); // "INVOICES" folds to "invoices" even under tr-TR
    }

    [Fact]
    public void Drafting_on_many_threads_at_once_gives_the_same_bytes()
    {
        string[] expected = DraftAll();
        var results = new string[64][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = DraftAll());

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
