using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Querying;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Qdrant;

/// <summary>
/// The document index on a Qdrant server (REST API, no client library needed), for knowledge bases that outgrow one
/// machine. Chunks are stored as points with a dense cosine vector and a sparse keyword vector (BM25: term weights
/// from the client, IDF from the server); hybrid search fuses both lists on the server by reciprocal rank (k = 60).
/// Every write commits a new version, as in <see cref="Sqlite.SqliteDocumentIndex"/>: each point's payload carries
/// the range of versions in which it is live, so older versions stay searchable and can be rolled back to.
/// One index object should be the only writer of its collection; any number of them may search it.
/// </summary>
/// <example>
/// <code>
/// await using var index = await QdrantDocumentIndex.OpenAsync(new QdrantIndexOptions
/// {
///     BaseAddress = new Uri("http://localhost:6333"),
///     CollectionName = "support-kb",
///     EmbeddingGenerator = new HashingEmbeddingGenerator(),
/// });
/// await index.UpsertAsync(documents);
/// var hits = await index.SearchAsync(new SearchQuery("charged twice") { Mode = SearchMode.Hybrid, Top = 3 });
/// await foreach (SearchHit chunk in index.ScrollAsync(new Dictionary&lt;string, string&gt; { ["lang"] = "fr" }))
/// {
///     Console.WriteLine($"{chunk.DocumentId} {chunk.Span}");
/// }
/// </code>
/// </example>
public sealed class QdrantDocumentIndex : IVersionedDocumentIndex, IAsyncDisposable
{
    private readonly QdrantHttp _http;
    private readonly QdrantCollection _collection;
    private readonly QdrantIndexOptions _options;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly KeywordSparseVector _keywords;
    private readonly int _dimensions;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _currentVersion;
    private long _documentCount;
    private volatile bool _disposed;

    private QdrantDocumentIndex(QdrantHttp http, QdrantCollection collection, QdrantIndexOptions options, int dimensions)
    {
        _http = http;
        _collection = collection;
        _options = options;
        _embedder = options.EmbeddingGenerator!;
        _keywords = new KeywordSparseVector(options.StopWords ?? KeywordStopWords.EnglishAndFrench);
        _dimensions = dimensions;
    }

    /// <summary>
    /// Connects to the server, creates the collection when missing (or checks the existing one), reads the latest
    /// version and undoes the traces of a write that was interrupted before it committed.
    /// </summary>
    /// <exception cref="ArgumentException">An option is missing or invalid.</exception>
    /// <exception cref="QdrantException">
    /// The server cannot be reached or answers with an error, or the collection exists with another vector dimension.
    /// </exception>
    public static async Task<QdrantDocumentIndex> OpenAsync(QdrantIndexOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var http = new QdrantHttp(options);
        try
        {
            int dimensions = await DimensionsOfAsync(options.EmbeddingGenerator!, cancellationToken).ConfigureAwait(false);
            var collection = new QdrantCollection(http, options.CollectionName, options.ScrollPageSize);
            await collection.EnsureAsync(dimensions, cancellationToken).ConfigureAwait(false);
            var index = new QdrantDocumentIndex(http, collection, options, dimensions);
            await index.RecoverAsync(cancellationToken).ConfigureAwait(false);
            return index;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public long CurrentVersion => Interlocked.Read(ref _currentVersion);

    /// <summary>The collection this index lives in.</summary>
    public string CollectionName => _collection.Name;

    /// <inheritdoc />
    /// <remarks>
    /// Documents whose text, source and metadata did not change keep their points. A changed document's chunks that
    /// kept their ids reuse their stored vectors, so only new text is embedded. Points go to the server
    /// <see cref="QdrantIndexOptions.UpsertBatchSize"/> documents per request; the version record rides in the last
    /// request, which is the commit point.
    /// </remarks>
    /// <exception cref="ArgumentException">A document is null or has an empty id, or a null text or source.</exception>
    /// <exception cref="InvalidOperationException">The embedding generator returned the wrong number or size of vectors.</exception>
    /// <exception cref="QdrantException">A request failed; the write did not commit (the next open clears what it left).</exception>
    public async ValueTask UpsertAsync(IEnumerable<SourceDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<Prepared> prepared = Prepare(documents, cancellationToken);
        if (prepared.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long current = CurrentVersion;
            long version = current + 1;
            Dictionary<string, string> liveHashes = await LiveContentHashesAsync(prepared.Select(static p => p.Document.Id), current, cancellationToken).ConfigureAwait(false);
            List<Prepared> changed = [.. prepared.Where(p => liveHashes.GetValueOrDefault(p.Document.Id) != p.ContentHash)];
            List<string> replaced = [.. changed.Select(static p => p.Document.Id).Where(liveHashes.ContainsKey)];

            Dictionary<string, float[]> stored = await StoredVectorsAsync(replaced, current, cancellationToken).ConfigureAwait(false);
            Dictionary<string, float[]> vectors = await EmbedAsync(changed, stored, cancellationToken).ConfigureAwait(false);

            // Marked before the new points exist: both stay invisible to searches of the current version until the commit.
            foreach (string[] ids in replaced.Chunk(_options.ScrollPageSize))
            {
                await _collection.SetPayloadAsync(new JsonObject { [QdrantPoints.Removed] = version }, new QdrantFilter().DocumentIn(ids).LiveAt(current), cancellationToken).ConfigureAwait(false);
            }

            long documentCount = _documentCount + changed.Count - replaced.Count;
            JsonObject commit = VersionPoint(version, "upsert", documentCount);
            Prepared[][] batches = [.. changed.Chunk(_options.UpsertBatchSize)];
            if (batches.Length == 0)
            {
                await _collection.UpsertAsync([commit], cancellationToken).ConfigureAwait(false);
            }

            for (int b = 0; b < batches.Length; b++)
            {
                var points = new List<JsonObject>();
                foreach (Prepared document in batches[b])
                {
                    points.AddRange(document.Chunks.Select(c => ChunkPoint(document.Document, c, vectors[c.Id], version)));
                    points.Add(QdrantPoints.Point(
                        QdrantPoints.DocumentPointId(document.Document.Id, version), new JsonObject(),
                        QdrantPoints.DocumentPayload(document.Document, document.ContentHash, document.Chunks.Count, version)));
                }

                if (b == batches.Length - 1)
                {
                    points.Add(commit);
                }

                await _collection.UpsertAsync(points, cancellationToken).ConfigureAwait(false);
            }

            Commit(version, documentCount);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Commits a new version; earlier versions still hold the document.</remarks>
    /// <exception cref="QdrantException">A request failed.</exception>
    public async ValueTask<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long current = CurrentVersion;
            long version = current + 1;
            if (await _collection.CountAsync(QdrantFilter.Documents().DocumentIn([documentId]).LiveAt(current), cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }

            await _collection.SetPayloadAsync(new JsonObject { [QdrantPoints.Removed] = version }, new QdrantFilter().DocumentIn([documentId]).LiveAt(current), cancellationToken).ConfigureAwait(false);
            long documentCount = _documentCount - 1;
            await _collection.UpsertAsync([VersionPoint(version, "delete", documentCount)], cancellationToken).ConfigureAwait(false);
            Commit(version, documentCount);
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Points added after <paramref name="version"/> are marked removed; points live then but removed since are copied
    /// back as new points with their stored vectors, so nothing is re-embedded.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is below 0 or above <see cref="CurrentVersion"/>.</exception>
    /// <exception cref="QdrantException">A request failed.</exception>
    public async ValueTask<long> RollbackAsync(long version, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long current = CurrentVersion;
            ArgumentOutOfRangeException.ThrowIfLessThan(version, 0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(version, current);
            long created = current + 1;
            await _collection.SetPayloadAsync(new JsonObject { [QdrantPoints.Removed] = created },
                new QdrantFilter().Range(QdrantPoints.Added, "gt", version).LiveAt(current), cancellationToken).ConfigureAwait(false);

            var revived = new QdrantFilter().Range(QdrantPoints.Added, "lte", version).Range(QdrantPoints.Removed, "gt", version).Range(QdrantPoints.Removed, "lte", current);
            var batch = new List<JsonObject>();
            await foreach (JsonElement point in _collection.ScrollAsync(revived, withDense: true, cancellationToken).ConfigureAwait(false))
            {
                batch.Add(Revive(point, created));
                if (batch.Count >= _options.UpsertBatchSize)
                {
                    await _collection.UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await _collection.UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            long documentCount = await _collection.CountAsync(QdrantFilter.Documents().LiveAt(version), cancellationToken).ConfigureAwait(false);
            await _collection.UpsertAsync([VersionPoint(created, "rollback", documentCount)], cancellationToken).ConfigureAwait(false);
            Commit(created, documentCount);
            return created;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<IndexVersion>> GetVersionsAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<IndexVersion> versions = await ReadVersionsAsync(cancellationToken).ConfigureAwait(false);
        long current = CurrentVersion;
        return [.. versions.Where(v => v.Number <= current)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Keyword: the query's words (stop words dropped) as a sparse vector, scored by BM25 with the server's IDF.
    /// Vector: cosine on the dense vectors. Hybrid: both lists (4 × Top, at least 50 each) fused on the server by
    /// reciprocal rank, k = 60. Filters and the version pin are payload conditions applied in every list, before
    /// ranking. With <see cref="SearchQuery.MmrLambda"/> the candidates come back with their vectors and are diversified
    /// here, the same way in every mode and as the embedded index does it.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Top below 1, MmrLambda outside [0, 1], or Version outside [0, CurrentVersion].</exception>
    /// <exception cref="ArgumentException">A filter key is empty or contains a double quote.</exception>
    /// <exception cref="QdrantException">A request failed.</exception>
    public async ValueTask<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Top, 1, "query.Top");
        if (query.MmrLambda is double lambda && (lambda < 0 || lambda > 1 || double.IsNaN(lambda)))
        {
            throw new ArgumentOutOfRangeException(nameof(query), "query.MmrLambda must lie in [0, 1].");
        }

        long version = query.Version ?? CurrentVersion;
        if (version < 0 || version > CurrentVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(query), $"query.Version {version} is outside [0, {CurrentVersion}].");
        }

        JsonObject filter = QdrantFilter.Chunks().LiveAt(version).Metadata(query.Filter).ToJson();
        bool mmr = query.MmrLambda is not null;
        int wanted = mmr || query.Mode == SearchMode.Hybrid ? Math.Max(query.Top * 4, 50) : query.Top;
        string text = query.Text ?? string.Empty;
        SparseVector? sparse = query.Mode == SearchMode.Vector ? null : _keywords.ForQuery(text);
        float[]? dense = query.Mode == SearchMode.Keyword ? null : await EmbedQueryAsync(text, cancellationToken).ConfigureAwait(false);
        if (query.Mode == SearchMode.Keyword && sparse!.Value.IsEmpty)
        {
            return [];
        }

        JsonObject request = query.Mode switch
        {
            SearchMode.Keyword => Nearest(QdrantPoints.SparseJson(sparse!.Value), QdrantPoints.SparseVector, filter, wanted),
            SearchMode.Vector => Nearest(QdrantPoints.FloatArray(dense!), QdrantPoints.DenseVector, filter, wanted),
            _ => Fused(sparse!.Value, dense!, filter, wanted),
        };
        request["with_payload"] = true;
        request["with_vector"] = mmr ? new JsonArray(QdrantPoints.DenseVector) : false;

        List<JsonElement> points = await _collection.QueryAsync(request, cancellationToken).ConfigureAwait(false);
        List<(SearchHit Hit, float[]? Vector)> ranked = [.. points.Select(static p => (QdrantPoints.Hit(p, p.GetProperty("score").GetDouble()), QdrantPoints.Dense(p)))];
        if (mmr)
        {
            ranked = MaximalMarginalRelevance.Select(ranked, static c => c.Hit.Score,
                static (a, b) => a.Vector is null || b.Vector is null ? 0 : TensorPrimitives.Dot(a.Vector, b.Vector), query.MmrLambda!.Value, query.Top);
        }

        return [.. ranked.Take(query.Top).Select(static c => c.Hit)];
    }

    /// <summary>
    /// Every chunk live at <paramref name="version"/> (null: the latest) whose metadata has all the pairs of
    /// <paramref name="filter"/> (null: every chunk), read page by page with Qdrant's scroll API. Scores are 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is outside [0, CurrentVersion].</exception>
    public async IAsyncEnumerable<SearchHit> ScrollAsync(IReadOnlyDictionary<string, string>? filter = null, long? version = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long at = version ?? CurrentVersion;
        if (at < 0 || at > CurrentVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(version), $"version {at} is outside [0, {CurrentVersion}].");
        }

        QdrantFilter selection = QdrantFilter.Chunks().LiveAt(at).Metadata(filter);
        await foreach (JsonElement point in _collection.ScrollAsync(selection, withDense: false, cancellationToken).ConfigureAwait(false))
        {
            yield return QdrantPoints.Hit(point, 0);
        }
    }

    /// <summary>The stored chunks of a document in order, at the latest version; empty when the id is not present.</summary>
    public async ValueTask<IReadOnlyList<DocumentChunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var chunks = new List<DocumentChunk>();
        QdrantFilter selection = QdrantFilter.Chunks().DocumentIn([documentId]).LiveAt(CurrentVersion);
        await foreach (JsonElement point in _collection.ScrollAsync(selection, withDense: false, cancellationToken).ConfigureAwait(false))
        {
            JsonElement payload = point.GetProperty("payload");
            SearchHit hit = QdrantPoints.Hit(point, 0);
            chunks.Add(new DocumentChunk(hit.ChunkId, hit.DocumentId, (int)QdrantPoints.Long(payload, QdrantPoints.Ordinal), hit.Text, hit.Span));
        }

        return [.. chunks.OrderBy(static c => c.Ordinal)];
    }

    /// <summary>Waits for a write in progress, then releases the HTTP client if the index made it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _http.Dispose();
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static JsonObject Nearest(JsonNode vector, string vectorName, JsonObject filter, int limit) =>
        new() { ["query"] = vector, ["using"] = vectorName, ["filter"] = filter, ["limit"] = limit };

    private static JsonObject Fused(SparseVector sparse, float[] dense, JsonObject filter, int limit)
    {
        var prefetch = new JsonArray();
        if (!sparse.IsEmpty)
        {
            prefetch.Add(Nearest(QdrantPoints.SparseJson(sparse), QdrantPoints.SparseVector, (JsonObject)filter.DeepClone(), limit));
        }

        prefetch.Add(Nearest(QdrantPoints.FloatArray(dense), QdrantPoints.DenseVector, (JsonObject)filter.DeepClone(), limit));
        // k = 60 as in the embedded index (Qdrant's plain {"fusion": "rrf"} uses a smaller k), so both backends fuse alike.
        return new JsonObject
        {
            ["prefetch"] = prefetch,
            ["query"] = new JsonObject { ["rrf"] = new JsonObject { ["k"] = ReciprocalRankFusion.K } },
            ["limit"] = limit,
        };
    }

    private JsonObject ChunkPoint(SourceDocument document, DocumentChunk chunk, float[] vector, long version) =>
        QdrantPoints.Point(QdrantPoints.ChunkPointId(chunk.Id, version), QdrantPoints.Vectors(vector, _keywords.ForDocument(chunk.Text)),
            QdrantPoints.ChunkPayload(document, chunk, version));

    private JsonObject VersionPoint(long version, string operation, long documents) =>
        QdrantPoints.Point(QdrantPoints.VersionPointId(version), new JsonObject(),
            QdrantPoints.VersionPayload(version, _options.TimeProvider.GetUtcNow(), operation, documents));

    /// <summary>A copy of a point that was live at the rollback target, live again from <paramref name="version"/>.</summary>
    private JsonObject Revive(JsonElement point, long version)
    {
        JsonElement payload = point.GetProperty("payload");
        var copy = (JsonObject)JsonNode.Parse(payload.GetRawText())!;
        copy[QdrantPoints.Added] = version;
        copy[QdrantPoints.Removed] = QdrantPoints.NeverRemoved;
        if (QdrantPoints.String(payload, QdrantPoints.Record) == QdrantPoints.ChunkRecord)
        {
            float[] dense = QdrantPoints.Dense(point) ?? throw new QdrantException($"Qdrant collection '{CollectionName}' returned a chunk point without its '{QdrantPoints.DenseVector}' vector.");
            return QdrantPoints.Point(QdrantPoints.ChunkPointId(QdrantPoints.String(payload, QdrantPoints.ChunkId), version),
                QdrantPoints.Vectors(dense, _keywords.ForDocument(QdrantPoints.String(payload, QdrantPoints.Text))), copy);
        }

        return QdrantPoints.Point(QdrantPoints.DocumentPointId(QdrantPoints.String(payload, QdrantPoints.DocumentId), version), new JsonObject(), copy);
    }

    private void Commit(long version, long documentCount)
    {
        Interlocked.Exchange(ref _documentCount, documentCount);
        Interlocked.Exchange(ref _currentVersion, version);
    }

    /// <summary>
    /// Reads the latest committed version; points written by a later, uncommitted write are deleted and points it
    /// marked removed are made live again, so the collection is exactly as that version left it.
    /// </summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        List<IndexVersion> versions = await ReadVersionsAsync(cancellationToken).ConfigureAwait(false);
        IndexVersion? latest = versions.Count == 0 ? null : versions[^1];
        long current = latest?.Number ?? 0;
        await _collection.DeletePointsAsync(new QdrantFilter().Range(QdrantPoints.Added, "gt", current), cancellationToken).ConfigureAwait(false);
        await _collection.SetPayloadAsync(new JsonObject { [QdrantPoints.Removed] = QdrantPoints.NeverRemoved },
            new QdrantFilter().Range(QdrantPoints.Removed, "gt", current).Range(QdrantPoints.Removed, "lt", QdrantPoints.NeverRemoved), cancellationToken).ConfigureAwait(false);
        Commit(current, latest?.DocumentCount ?? 0);
    }

    private async Task<List<IndexVersion>> ReadVersionsAsync(CancellationToken cancellationToken)
    {
        var versions = new List<IndexVersion>();
        await foreach (JsonElement point in _collection.ScrollAsync(QdrantFilter.Versions(), withDense: false, cancellationToken).ConfigureAwait(false))
        {
            JsonElement payload = point.GetProperty("payload");
            versions.Add(new IndexVersion(
                QdrantPoints.Long(payload, QdrantPoints.Number),
                DateTimeOffset.Parse(QdrantPoints.String(payload, QdrantPoints.CommittedAt), System.Globalization.CultureInfo.InvariantCulture),
                QdrantPoints.String(payload, QdrantPoints.Operation),
                QdrantPoints.Long(payload, QdrantPoints.DocumentCount)));
        }

        versions.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        return versions;
    }

    private async Task<Dictionary<string, string>> LiveContentHashesAsync(IEnumerable<string> documentIds, long version, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string[] ids in documentIds.Chunk(_options.ScrollPageSize))
        {
            await foreach (JsonElement point in _collection.ScrollAsync(QdrantFilter.Documents().DocumentIn(ids).LiveAt(version), withDense: false, cancellationToken).ConfigureAwait(false))
            {
                JsonElement payload = point.GetProperty("payload");
                hashes[QdrantPoints.String(payload, QdrantPoints.DocumentId)] = QdrantPoints.String(payload, QdrantPoints.ContentHash);
            }
        }

        return hashes;
    }

    /// <summary>The stored vectors of the live chunks of documents about to be replaced, by chunk id.</summary>
    private async Task<Dictionary<string, float[]>> StoredVectorsAsync(List<string> documentIds, long version, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (string[] ids in documentIds.Chunk(_options.ScrollPageSize))
        {
            await foreach (JsonElement point in _collection.ScrollAsync(QdrantFilter.Chunks().DocumentIn(ids).LiveAt(version), withDense: true, cancellationToken).ConfigureAwait(false))
            {
                if (QdrantPoints.Dense(point) is float[] dense && dense.Length == _dimensions)
                {
                    vectors[QdrantPoints.String(point.GetProperty("payload"), QdrantPoints.ChunkId)] = dense;
                }
            }
        }

        return vectors;
    }

    /// <summary>One unit vector per chunk id of the changed documents: stored ones reused, the rest embedded in one call.</summary>
    private async Task<Dictionary<string, float[]>> EmbedAsync(List<Prepared> changed, Dictionary<string, float[]> stored, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, float[]>(stored, StringComparer.Ordinal);
        List<DocumentChunk> missing = [.. changed.SelectMany(static p => p.Chunks).Where(c => !stored.ContainsKey(c.Id)).DistinctBy(static c => c.Id)];
        if (missing.Count == 0)
        {
            return vectors;
        }

        GeneratedEmbeddings<Embedding<float>> embedded = await _embedder.GenerateAsync([.. missing.Select(static c => c.Text)], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embedded.Count != missing.Count)
        {
            throw new InvalidOperationException($"The embedding generator returned {embedded.Count} vectors for {missing.Count} chunks.");
        }

        for (int i = 0; i < missing.Count; i++)
        {
            vectors[missing[i].Id] = Unit(embedded[i].Vector);
        }

        return vectors;
    }

    private async Task<float[]> EmbedQueryAsync(string text, CancellationToken cancellationToken)
    {
        GeneratedEmbeddings<Embedding<float>> embedded = await _embedder.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
        return Unit(embedded[0].Vector);
    }

    private float[] Unit(ReadOnlyMemory<float> vector)
    {
        if (vector.Length != _dimensions)
        {
            throw new InvalidOperationException($"Qdrant collection '{CollectionName}' holds {_dimensions}-dimensional vectors; the embedding generator made {vector.Length}.");
        }

        float[] unit = vector.ToArray();
        float norm = TensorPrimitives.Norm(unit);
        if (norm > 1e-12f && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(unit, norm, unit);
        }
        else
        {
            Array.Clear(unit);
        }

        return unit;
    }

    private static async Task<int> DimensionsOfAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken)
    {
        if (embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions is int known and > 0)
        {
            return known;
        }

        GeneratedEmbeddings<Embedding<float>> probe = await embedder.GenerateAsync(["dimension probe"], cancellationToken: cancellationToken).ConfigureAwait(false);
        return probe.Count == 1 && probe[0].Vector.Length > 0
            ? probe[0].Vector.Length
            : throw new InvalidOperationException("The embedding generator returned no vector for a probe text, so the collection's dimension is unknown.");
    }

    /// <summary>Validated and chunked outside the write lock; a later document with the same id wins, as a later write would.</summary>
    private List<Prepared> Prepare(IEnumerable<SourceDocument> documents, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var prepared = new List<Prepared>();
        int position = 0;
        foreach (SourceDocument document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (document is null)
            {
                throw new ArgumentException($"documents[{position}] is null.", nameof(documents));
            }

            if (string.IsNullOrEmpty(document.Id))
            {
                throw new ArgumentException($"documents[{position}] has an empty Id.", nameof(documents));
            }

            if (document.Text is null || document.Source is null)
            {
                throw new ArgumentException($"documents[{position}] has a null {(document.Text is null ? "Text" : "Source")}.", nameof(documents));
            }

            var item = new Prepared(document, _options.Chunker.Chunk(document), QdrantPoints.ContentHashOf(document));
            if (byId.TryGetValue(document.Id, out int at))
            {
                prepared[at] = item;
            }
            else
            {
                byId[document.Id] = prepared.Count;
                prepared.Add(item);
            }

            position++;
        }

        return prepared;
    }

    private readonly record struct Prepared(SourceDocument Document, IReadOnlyList<DocumentChunk> Chunks, string ContentHash);
}
