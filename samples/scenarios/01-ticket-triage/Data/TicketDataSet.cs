namespace HybridAI.Scenarios.TicketTriage.Data;

/// <summary>Everything scenario 01 runs on: labelled tickets split into train and golden, the KB, and the planted PII.</summary>
/// <param name="Seed">The generator seed that produced it; null when read back from files.</param>
/// <param name="Train">About 80% of the tickets, for training the classifiers.</param>
/// <param name="Golden">About 20%, stratified by category, held out for evaluation.</param>
/// <param name="Articles">Knowledge-base articles, for retrieval and grounded replies.</param>
/// <param name="PlantedPii">Every personal-data value planted in the tickets (train and golden).</param>
public sealed record TicketDataSet(
    int? Seed,
    IReadOnlyList<TicketRecord> Train,
    IReadOnlyList<TicketRecord> Golden,
    IReadOnlyList<KnowledgeBaseArticle> Articles,
    IReadOnlyList<PlantedPiiValue> PlantedPii);
