using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Evaluation;
using HybridAI.Retrieval.Sqlite;
using HybridAI.Scenarios.TicketTriage.Data;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>
/// Measures keyword, vector and hybrid search of the scenario's knowledge base on the same labelled queries
/// (<see cref="KnowledgeBaseQueries"/> over the golden tickets): recall@k, MRR and nDCG@10 side by side.
/// </summary>
/// <example>
/// <code>
/// var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
/// var comparison = await RetrievalComparison.RunAsync(data);
/// foreach (var m in comparison.Modes)
/// {
///     Console.WriteLine($"{m.Mode}: recall@{m.K} {m.RecallAtK:F3}  MRR {m.MeanReciprocalRank:F3}  nDCG@10 {m.NdcgAt10:F3}");
/// }
/// </code>
/// </example>
public static class RetrievalComparison
{
    /// <summary>The modes compared, in the order reported.</summary>
    public static IReadOnlyList<SearchMode> Modes { get; } = [SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid];

    /// <summary>
    /// Builds the knowledge base in memory with the embedder hybrid search would use (see
    /// <see cref="KnowledgeBaseEmbedder"/>; <paramref name="options"/> may choose the hashing embedder or another
    /// word-vector folder) and
    /// evaluates every mode on the golden tickets.
    /// </summary>
    /// <param name="data">The scenario's data.</param>
    /// <param name="options">Read for <see cref="TicketTriageOptions.Embedding"/> and <see cref="TicketTriageOptions.WordVectorsFolder"/>; null: the defaults.</param>
    /// <param name="k">Cut-off of recall. Default 10.</param>
    /// <param name="cancellationToken">Stops between queries.</param>
    public static async Task<RetrievalComparisonReport> RunAsync(TicketDataSet data, TicketTriageOptions? options = null, int k = 10,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        options ??= new TicketTriageOptions();
        var queries = KnowledgeBaseQueries.FromTickets(data.Golden, data.Articles);
        using var embedder = KnowledgeBaseEmbedder.Open(SearchMode.Hybrid, options.Embedding, options.WordVectorsFolder);
        await using var index = await TicketTriageComponents.OpenKnowledgeBaseAsync(data, SqliteDocumentIndex.InMemory, embedder, cancellationToken)
            .ConfigureAwait(false);
        var results = new List<RetrievalEvaluation>(Modes.Count);
        foreach (var mode in Modes)
        {
            results.Add(await RetrievalEvaluator.EvaluateAsync(index, queries, mode, k, cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        return new RetrievalComparisonReport(embedder.Name, embedder.Notice, queries.Count, k, results);
    }
}

/// <summary>What <see cref="RetrievalComparison.RunAsync"/> measured.</summary>
/// <param name="Embedder">The embedder of the vector and hybrid modes.</param>
/// <param name="Notice">Why the word-vector embedder was not used; null when it was.</param>
/// <param name="Queries">How many labelled queries each mode ran.</param>
/// <param name="K">The recall cut-off.</param>
/// <param name="Modes">One evaluation per mode, in <see cref="RetrievalComparison.Modes"/> order.</param>
public sealed record RetrievalComparisonReport(string Embedder, string? Notice, int Queries, int K, IReadOnlyList<RetrievalEvaluation> Modes);
