using HybridAI.Scenarios.TicketTriage.Data.Files;
using HybridAI.Scenarios.TicketTriage.Data.Generation;
using HybridAI.Scenarios.TicketTriage.Data.KnowledgeBase;

namespace HybridAI.Scenarios.TicketTriage.Data;

/// <summary>
/// Generates the scenario 01 data set (support tickets, knowledge base, planted PII) deterministically:
/// the same seed gives byte-identical files on every machine and .NET version.
/// </summary>
/// <example>
/// <code>
/// TicketDataSet data = TicketDataGenerator.Generate();
/// Console.WriteLine($"{data.Train.Count} train, {data.Golden.Count} golden, {data.Articles.Count} articles");
///
/// // What `hybridai scenarios generate-data ticket-triage` does:
/// TicketDataGenerator.WriteTo("samples/scenarios/01-ticket-triage/data");
/// </code>
/// </example>
public static class TicketDataGenerator
{
    /// <summary>The seed of the committed files.</summary>
    public const int DefaultSeed = 20261123;

    /// <summary>Share of each category held out as the golden set.</summary>
    public const double GoldenShare = 0.2;

    // Tickets per (true) category: uneven on purpose, as in a real support inbox.
    private static readonly (string Category, int Count)[] Quotas =
    [
        (TicketCategories.Billing, 80),
        (TicketCategories.Refund, 70),
        (TicketCategories.AccountAccess, 75),
        (TicketCategories.ShippingDelivery, 85),
        (TicketCategories.TechnicalBug, 80),
        (TicketCategories.Cancellation, 55),
        (TicketCategories.ProductQuestion, 50),
        (TicketCategories.PrivacyGdpr, 35),
    ];

    private const ulong OrderStream = 1;
    private const ulong TicketStream = 2;
    private const ulong GoldenStream = 3;

    /// <summary>Builds the whole data set in memory.</summary>
    public static TicketDataSet Generate(int seed = DefaultSeed)
    {
        var categories = new List<string>();
        foreach ((string category, int count) in Quotas)
        {
            categories.AddRange(Enumerable.Repeat(category, count));
        }
        // Interleave categories so ids do not come in blocks.
        SeededRandom.For(seed, OrderStream).Shuffle(categories);

        var tickets = new List<TicketRecord>(categories.Count);
        var pii = new List<PlantedPiiValue>();
        for (int i = 0; i < categories.Count; i++)
        {
            string id = "T" + (i + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            ComposedTicket composed = TicketComposer.Compose(id, categories[i], SeededRandom.For(seed, TicketStream, (ulong)i));
            tickets.Add(composed.Record);
            pii.AddRange(composed.Pii);
        }

        HashSet<string> goldenIds = PickGolden(tickets, seed);
        return new TicketDataSet(
            seed,
            tickets.Where(t => !goldenIds.Contains(t.Id)).ToArray(),
            tickets.Where(t => goldenIds.Contains(t.Id)).ToArray(),
            KnowledgeBaseArticles.Build(),
            pii);
    }

    /// <summary>
    /// Generates the data set and writes it (jsonl files, kb/*.md, README.md, .gitattributes) into
    /// <paramref name="directory"/>, creating it if needed. Existing files are overwritten; <c>kb/KB*.md</c>
    /// files that the generator no longer produces are deleted, nothing else is touched.
    /// </summary>
    /// <returns>The data set that was written.</returns>
    public static TicketDataSet WriteTo(string directory, int seed = DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        TicketDataSet data = Generate(seed);
        TicketDataWriter.Write(data, directory);
        return data;
    }

    /// <summary>
    /// 20% of every label. Within a label the tickets are shuffled, grouped by noise kind, and picked at even
    /// intervals, so the golden set also carries its fair share of ambiguous and mislabelled tickets.
    /// </summary>
    private static HashSet<string> PickGolden(List<TicketRecord> tickets, int seed)
    {
        var golden = new HashSet<string>(StringComparer.Ordinal);
        var random = SeededRandom.For(seed, GoldenStream);
        foreach (string category in TicketCategories.All)
        {
            var inCategory = tickets.Where(t => t.Category == category).ToList();
            random.Shuffle(inCategory);
            var ordered = inCategory.OrderBy(t => t.Noise, StringComparer.Ordinal).ToList(); // OrderBy is stable
            int take = (int)Math.Round(ordered.Count * GoldenShare, MidpointRounding.AwayFromZero);
            for (int k = 0; k < take; k++)
            {
                golden.Add(ordered[(int)((k + 0.5) * ordered.Count / take)].Id);
            }
        }
        return golden;
    }
}
