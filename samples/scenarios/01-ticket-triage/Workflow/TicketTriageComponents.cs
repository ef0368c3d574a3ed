using HybridAI.Abstractions.Classification;
using HybridAI.Abstractions.Privacy;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Classifiers;
using HybridAI.Classifiers.Calibration;
using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Review;
using HybridAI.Orchestrator;
using HybridAI.Retrieval.Sqlite;
using HybridAI.Scenarios.TicketTriage.Data;
using Microsoft.Extensions.AI;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>
/// Everything the ticket-triage workflow runs on, on embedded defaults: two calibrated text classifiers trained
/// from the scenario's labelled tickets, a SQLite knowledge base (FTS5, plus word-vector embeddings for vector and
/// hybrid search, see <see cref="KnowledgeBaseEmbedder"/>), the no-model grounded writer,
/// the PII detector, and SQLite files for audit, checkpoints and the review queue under one work folder.
/// </summary>
public sealed class TicketTriageComponents : IAsyncDisposable
{
    private TicketTriageComponents(string workDirectory) => WorkDirectory = workDirectory;

    /// <summary>
    /// How both classifiers train: the defaults (logistic regression on TF-IDF word and character n-grams) with
    /// temperature calibration fitted on 5-fold out-of-fold predictions, so the route's 0.45 confidence threshold
    /// means what it says. Calibration changes confidences only, never the predicted label.
    /// </summary>
    public static TextClassifierTrainingOptions TrainingOptions { get; } = new() { Calibration = TextCalibration.Temperature };

    /// <summary>Folder holding the SQLite files (kb.db, audit.db, checkpoints.db, review.db).</summary>
    public string WorkDirectory { get; }

    /// <summary>Predicts a ticket's category.</summary>
    public required IClassifier<string> CategoryClassifier { get; init; }

    /// <summary>Predicts a ticket's priority.</summary>
    public required IClassifier<string> PriorityClassifier { get; init; }

    /// <summary>The knowledge base.</summary>
    public required ISearchIndex KnowledgeBase { get; init; }

    /// <summary>The search mode the knowledge base was opened for (<see cref="TicketTriageOptions.Retrieval"/>).</summary>
    public SearchMode Retrieval { get; init; } = SearchMode.Keyword;

    /// <summary>The knowledge base's embedder's model id, or <c>none (keyword only)</c>.</summary>
    public string Embedder { get; init; } = "none (keyword only)";

    /// <summary>Why the preferred embedder is not used (see <see cref="KnowledgeBaseEmbedder.Notice"/>); null when it is.</summary>
    public string? RetrievalNotice { get; init; }

    /// <summary>Drafts the reply: the no-model writer by default, or any <see cref="IChatClient"/>.</summary>
    public required IChatClient Writer { get; init; }

    /// <summary>Takes over when <see cref="Writer"/> is an LLM that fails; null when the writer is already the no-model one.</summary>
    public IChatClient? FallbackWriter { get; init; }

    /// <summary>Finds personal data.</summary>
    public required IPiiDetector PiiDetector { get; init; }

    /// <summary>The audit log.</summary>
    public required SqliteAuditLog Audit { get; init; }

    /// <summary>Where suspended runs wait: the review queue's own checkpoints, so each suspended run is in the queue.</summary>
    public required ICheckpointStore Checkpoints { get; init; }

    /// <summary>Tickets waiting for a person.</summary>
    public required ReviewQueue Reviews { get; init; }

    private SqliteDocumentIndex? _index;
    private KnowledgeBaseEmbedder? _embedder;

    /// <summary>
    /// Trains the classifiers on <paramref name="data"/>'s training tickets (masked first, as the workflow
    /// masks its inputs), ingests the KB articles and opens the stores under <paramref name="workDirectory"/>.
    /// </summary>
    /// <param name="data">The scenario's data (see <see cref="Data.Files.TicketDataReader"/>).</param>
    /// <param name="workDirectory">Created when missing.</param>
    /// <param name="writer">An LLM to draft replies; null uses the no-model grounded writer.</param>
    /// <param name="options">
    /// Read for <see cref="TicketTriageOptions.Retrieval"/>, <see cref="TicketTriageOptions.Embedding"/> and
    /// <see cref="TicketTriageOptions.WordVectorsFolder"/>: which embedder the knowledge base gets. Null: the defaults (hybrid search).
    /// </param>
    /// <param name="cancellationToken">Stops the set-up.</param>
    public static async Task<TicketTriageComponents> CreateAsync(
        TicketDataSet data, string workDirectory, IChatClient? writer = null, TicketTriageOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TicketTriageOptions();
        Directory.CreateDirectory(workDirectory);
        var pii = HybridAI.Governance.Pii.PiiDetector.CreateDefault();
        var masker = new PiiMasker(pii);

        var examples = data.Train.Select(t => (Text: masker.Mask(TextOf(t)).Text, t.Category, t.Priority)).ToList();
        var category = TextClassifier.Train(examples.Select(e => (e.Text, e.Category)), TrainingOptions);
        var priority = TextClassifier.Train(examples.Select(e => (e.Text, e.Priority)), TrainingOptions);

        var embedder = KnowledgeBaseEmbedder.Open(options.Retrieval, options.Embedding, options.WordVectorsFolder);
        SqliteDocumentIndex index;
        try
        {
            index = await OpenKnowledgeBaseAsync(data, KnowledgeBasePath(workDirectory, embedder), embedder, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            embedder.Dispose();
            throw;
        }

        var grounded = new GroundedChatClient();
        var audit = new SqliteAuditLog(Path.Combine(workDirectory, "audit.db"));
        // Checkpoints live in the review file: a run suspending at the gate and its review are one write.
        var reviews = new ReviewQueue(Path.Combine(workDirectory, "review.db"), new ReviewQueueOptions { Audit = audit, PiiDetector = pii });
        return new TicketTriageComponents(workDirectory)
        {
            CategoryClassifier = category,
            PriorityClassifier = priority,
            KnowledgeBase = index,
            Retrieval = options.Retrieval,
            Embedder = embedder.Name,
            RetrievalNotice = embedder.Notice,
            _index = index,
            _embedder = embedder,
            Writer = writer ?? grounded,
            FallbackWriter = writer is null ? null : grounded,
            PiiDetector = pii,
            Audit = audit,
            Checkpoints = reviews.Checkpoints,
            Reviews = reviews,
        };
    }

    /// <summary>Opens (or creates) the index at <paramref name="path"/> and brings the articles in it up to date.</summary>
    internal static async Task<SqliteDocumentIndex> OpenKnowledgeBaseAsync(
        TicketDataSet data, string path, KnowledgeBaseEmbedder embedder, CancellationToken cancellationToken)
    {
        var index = await SqliteDocumentIndex.OpenAsync(path, new SqliteIndexOptions { EmbeddingGenerator = embedder.Generator }, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await index.UpsertAsync(data.Articles.Select(a => new SourceDocument(a.Id, a.Markdown, a.Title)
            {
                Metadata = new Dictionary<string, string> { ["category"] = a.Category, ["language"] = a.Language },
            }), cancellationToken).ConfigureAwait(false);
            return index;
        }
        catch
        {
            await index.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// <c>kb.db</c> for keyword search; one file per embedder otherwise (<c>kb.&lt;model id&gt;.db</c>), because the index
    /// keeps the vectors of unchanged articles, so vectors from another embedder must never meet in one file.
    /// </summary>
    private static string KnowledgeBasePath(string workDirectory, KnowledgeBaseEmbedder embedder)
    {
        if (embedder.Generator is null)
        {
            return Path.Combine(workDirectory, "kb.db");
        }

        var safe = new string([.. embedder.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_')]);
        return Path.Combine(workDirectory, $"kb.{safe}.db");
    }

    /// <summary>The text a ticket's classifiers read, the same as <see cref="TicketState.Text"/>.</summary>
    public static string TextOf(TicketRecord ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new TicketState { Subject = ticket.Subject, Body = ticket.Body }.Text;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Reviews.DisposeAsync().ConfigureAwait(false);
        await Audit.DisposeAsync().ConfigureAwait(false);
        if (_index is not null)
        {
            await _index.DisposeAsync().ConfigureAwait(false);
        }

        _embedder?.Dispose();

    }
}
