using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>Knobs of the ticket-triage workflow.</summary>
public sealed record TicketTriageOptions
{
    /// <summary>A ticket whose category probability is below this goes to a person. Default 0.45.</summary>
    public double MinCategoryConfidence { get; init; } = 0.45;

    /// <summary>Priorities that always go to a person. Default: urgent.</summary>
    public IReadOnlySet<string> ReviewPriorities { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "urgent" };

    /// <summary>How many KB passages ground a reply. Default 3.</summary>
    public int EvidenceCount { get; init; } = 3;

    /// <summary>
    /// How the knowledge base is searched: <see cref="SearchMode.Hybrid"/> (the default: BM25 and embedding similarity
    /// fused by reciprocal rank), <see cref="SearchMode.Vector"/> or <see cref="SearchMode.Keyword"/> (BM25 only, no embedder).
    /// </summary>
    public SearchMode Retrieval { get; init; } = SearchMode.Hybrid;

    /// <summary>
    /// The embedder of vector and hybrid search. Default <see cref="KnowledgeBaseEmbedding.Hashing"/>: the knowledge base
    /// and tickets are English and French, and the GloVe-derived word vectors are English-only; on the golden set, hybrid
    /// over hashed n-grams scores MRR 0.830 against 0.735 over word vectors (and 0.817 for keyword alone),
    /// see <c>hybridai run ticket-triage --compare-retrieval</c>.
    /// </summary>
    public KnowledgeBaseEmbedding Embedding { get; init; } = KnowledgeBaseEmbedding.Hashing;

    /// <summary>
    /// Where the GloVe-derived wink word vectors are looked for; null: <c>~/.cache/hybridai/deps/current/data</c>
    /// (or under <c>$HYBRIDAI_CACHE</c>). Without them vector and hybrid search fall back to the hashing embedder.
    /// </summary>
    public string? WordVectorsFolder { get; init; }

    /// <summary>Time allowed for one attempt at drafting a reply before it counts as failed (and is retried or falls back to the no-model writer). Default 30 s.</summary>
    public TimeSpan DraftTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Attempts in all at drafting with an LLM writer before the no-model writer takes over; only transient failures
    /// (timeouts, HTTP 5xx/408/429, connection refused) are retried. Default 3.
    /// </summary>
    public int DraftAttempts { get; init; } = 3;

    /// <summary>
    /// Chat options for an LLM writer (token budget, temperature, seed); null: the model's defaults. The no-model
    /// writer, and the fallback to it, never get them.
    /// </summary>
    public Microsoft.Extensions.AI.ChatOptions? DraftOptions { get; init; }

    /// <summary>The wait before the first retry of a failed draft, doubled (with jitter) before each further one. Default 500 ms.</summary>
    public TimeSpan DraftRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);
}
