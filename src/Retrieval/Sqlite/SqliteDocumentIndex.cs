using System.Collections.Concurrent;
using System.Numerics.Tensors;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Querying;
using HybridAI.Retrieval.Vectors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>
/// The embedded keyword-search store: documents, their chunks and an FTS5 index in one SQLite file (WAL mode),
/// ranked by BM25, accent-insensitive (French "remboursé" finds "rembourse"). Any text a user types is a safe
/// query. Writes go through one writer at a time; searches run concurrently on their own read connections.
/// With <see cref="SqliteIndexOptions.EmbeddingGenerator"/> set, chunks are embedded too and searched by cosine
/// (exact with TensorPrimitives, HNSW from <see cref="SqliteIndexOptions.HnswThreshold"/> vectors on), or fused
/// with BM25 by reciprocal rank (k = 60). Every write commits a new version (see <see cref="IVersionedDocumentIndex"/>).
/// </summary>
/// <example>
/// <code>
/// await using var index = await SqliteDocumentIndex.OpenAsync("kb.db");
/// await index.UpsertAsync(documents);
/// var hits = await index.SearchAsync(new SearchQuery("remboursement double prélèvement") { Top = 3 });
/// var french = await index.SearchAsync(new SearchQuery("remboursement")
/// {
///     Filter = new Dictionary&lt;string, string&gt; { ["lang"] = "fr" },
/// });
/// await using var semantic = await SqliteDocumentIndex.OpenAsync("kb2.db", new SqliteIndexOptions
/// {
///     EmbeddingGenerator = new HashingEmbeddingGenerator(),
/// });
/// await semantic.UpsertAsync(documents);
/// var fused = await semantic.SearchAsync(new SearchQuery("charged twice") { Mode = SearchMode.Hybrid, MmrLambda = 0.7 });
/// await semantic.RollbackAsync(semantic.CurrentVersion - 1);
/// </code>
/// </example>
public sealed class SqliteDocumentIndex : IVersionedDocumentIndex, IAsyncDisposable
{
    /// <summary>Pass as the path to keep the index in memory only (for tests and short-lived tools).</summary>
    public const string InMemory = ":memory:";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly IndexWriter _writer;
    private readonly string? _readConnectionString;
    private readonly ConcurrentBag<IndexReader> _idleReaders = [];
    private readonly IndexReader? _sharedReader;
    private readonly IChunker _chunker;
    private readonly Fts5MatchBuilder _matchBuilder;
    private readonly int _maxIdleReaders;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly SqliteIndexOptions _options;
    private readonly string _vectorPath;
    private readonly bool _deleteVectorFile;
    private readonly string? _graphPath;
    private readonly ReaderWriterLockSlim _vectorLifetime = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Lock _graphLock = new();
    private VectorFile? _vectors;
    private HnswGraph? _graph;
    private int _graphSavedCount;
    private (long Version, long[] Slots, bool[] Live)? _liveSlots;
    private long _currentVersion;
    private int _idleReaderCount;
    private volatile bool _disposed;

    private SqliteDocumentIndex(IndexWriter writer, string? readConnectionString, SqliteIndexOptions options, string vectorPath, bool deleteVectorFile)
    {
        _options = options;
        _embedder = options.EmbeddingGenerator;
        _vectorPath = vectorPath;
        _deleteVectorFile = deleteVectorFile;
        _currentVersion = writer.CurrentVersion;
        if (writer.Setting("dimensions") is string dimensions)
        {
            _vectors = VectorFile.Open(vectorPath, int.Parse(dimensions, System.Globalization.CultureInfo.InvariantCulture), writer.CommittedVectorCount);
        }

        // The graph is a cache beside the vectors: <db>.hnsw for <db>.vectors; none for an in-memory index.
        _graphPath = deleteVectorFile ? null : Path.ChangeExtension(vectorPath, ".hnsw");

        _writer = writer;
        _readConnectionString = readConnectionString;
        _chunker = options.Chunker;
        _matchBuilder = new Fts5MatchBuilder(options.StopWords ?? KeywordStopWords.EnglishAndFrench, options.MatchWordForms);
        _maxIdleReaders = options.MaxIdleReaders;
        // In memory there is one database per connection, so searches share the writer's connection and its lock.
        _sharedReader = readConnectionString is null ? new IndexReader(writer.Connection, ownsConnection: false) : null;
    }

    /// <summary>
    /// Opens the index file at <paramref name="path"/>, creating it (and its folder) when missing, or an in-memory
    /// index when the path is <see cref="InMemory"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The file was written by a newer schema version.</exception>
    public static async Task<SqliteDocumentIndex> OpenAsync(string path, SqliteIndexOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new SqliteIndexOptions();
        options.Validate();

        bool inMemory = path == InMemory;
        string? readConnectionString = null;
        string writeConnectionString;
        if (inMemory)
        {
            writeConnectionString = new SqliteConnectionStringBuilder { DataSource = InMemory, Pooling = false }.ToString();
        }
        else
        {
            string fullPath = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            // Pooling off: these connections live as long as the index, and closing must release the file.
            writeConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = fullPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
            }.ToString();
            readConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = fullPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
            }.ToString();
        }

        var connection = new SqliteConnection(writeConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            SqliteSchema.InitializeWriter(connection, inMemory, inMemory ? InMemory : Path.GetFileName(path));
            string vectorPath = inMemory ? Path.Combine(Path.GetTempPath(), "hybridai-" + Guid.NewGuid().ToString("N") + ".vectors") : Path.GetFullPath(path) + ".vectors";
            return new SqliteDocumentIndex(new IndexWriter(connection, inMemory), readConnectionString, options, vectorPath, deleteVectorFile: inMemory);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public long CurrentVersion => Interlocked.Read(ref _currentVersion);

    /// <inheritdoc />
    /// <remarks>
    /// Documents are chunked (and embedded) before the write lock is taken; the whole batch is then written in one
    /// transaction and commits one new version. Vectors are appended and flushed to the vector file first; the
    /// version row is the commit point. A document whose text, source and metadata did not change keeps its rows.
    /// </remarks>
    /// <exception cref="ArgumentException">A document is null or has an empty id, or a null text or source.</exception>
    /// <exception cref="InvalidOperationException">The index holds embeddings but no generator was given, or the generator's dimensions differ.</exception>
    public async ValueTask UpsertAsync(IEnumerable<SourceDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<PreparedDocument> prepared = Prepare(documents, cancellationToken);
        if (prepared.Count == 0)
        {
            return;
        }

        if (_embedder is null && _vectors is not null)
        {
            throw new InvalidOperationException("This index holds embeddings; open it with SqliteIndexOptions.EmbeddingGenerator set to write to it.");
        }

        if (_embedder is not null)
        {
            prepared = await EmbedAsync(prepared, cancellationToken).ConfigureAwait(false);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Dictionary<string, string>? settings = null;
            int dimensions = prepared.SelectMany(static p => p.Vectors ?? []).Select(static v => v.Length).FirstOrDefault();
            if (_embedder is not null && dimensions > 0)
            {
                if (_vectors is null)
                {
                    _vectors = VectorFile.Open(_vectorPath, dimensions, 0);
                    settings = new() { ["dimensions"] = dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                }
                else if (_vectors.Dimensions != dimensions)
                {
                    throw new InvalidOperationException($"This index holds {_vectors.Dimensions}-dimensional vectors; the embedding generator made {dimensions}.");
                }
            }

            long version = _writer.Upsert(prepared, _embedder is null ? null : _vectors, settings, cancellationToken);
            Interlocked.Exchange(ref _currentVersion, version);
            if (_graph is not null && _vectors is not null)
            {
                _graph.AddUpTo(_vectors.Count);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>Commits a new version; earlier versions still hold the document.</remarks>
    public async ValueTask<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            bool existed = _writer.Delete(documentId);
            Interlocked.Exchange(ref _currentVersion, _writer.CurrentVersion);
            return existed;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is below 0 or above <see cref="CurrentVersion"/>.</exception>
    public async ValueTask<long> RollbackAsync(long version, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ArgumentOutOfRangeException.ThrowIfLessThan(version, 0);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(version, _writer.CurrentVersion);
            long created = _writer.Rollback(version);
            Interlocked.Exchange(ref _currentVersion, created);
            return created;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IndexVersion>> GetVersionsAsync(CancellationToken cancellationToken = default) =>
        WithReaderAsync<IReadOnlyList<IndexVersion>>(static r => r.Versions(), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Keyword: the query text is cut into words; stop words are dropped and the rest are OR-ed, so punctuation,
    /// quotes and FTS5 operators never raise a syntax error (a text without any word gives no keyword hits).
    /// Vector: cosine on unit vectors, exact below <see cref="SqliteIndexOptions.HnswThreshold"/> vectors, HNSW above.
    /// Hybrid: both lists (4 × Top, at least 50 each) fused by reciprocal rank, k = 60. Filters apply in both paths,
    /// before ranking. With <see cref="SearchQuery.MmrLambda"/> the fused candidates are diversified by MMR.
    /// </remarks>
    /// <exception cref="InvalidOperationException">Vector, Hybrid or MMR without <see cref="SqliteIndexOptions.EmbeddingGenerator"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Top below 1, MmrLambda outside [0, 1], or Version outside [0, CurrentVersion].</exception>
    /// <exception cref="ArgumentException">A filter key contains a double quote.</exception>
    public async ValueTask<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        bool needsVectors = query.Mode != SearchMode.Keyword || query.MmrLambda is not null;
        if (needsVectors && _embedder is null)
        {
            throw new InvalidOperationException(
                $"SearchMode.{query.Mode}{(query.MmrLambda is null ? "" : " with MMR")} needs embeddings: open the SqliteDocumentIndex with SqliteIndexOptions.EmbeddingGenerator set.");
        }

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

        ValidateFilter(query.Filter);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();

        float[]? queryVector = null;
        if (needsVectors)
        {
            GeneratedEmbeddings<Embedding<float>> embedded = await _embedder!.GenerateAsync([query.Text ?? string.Empty], cancellationToken: cancellationToken).ConfigureAwait(false);
            queryVector = embedded[0].Vector.ToArray();
            Normalize(queryVector);
        }

        string? match = query.Mode == SearchMode.Vector ? null : _matchBuilder.Build(query.Text ?? string.Empty);
        return await WithReaderAsync<IReadOnlyList<SearchHit>>(reader => Search(reader, query, version, match, queryVector), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored chunks of a document in order, at the latest version; empty when the id is not present.</summary>
    public ValueTask<IReadOnlyList<DocumentChunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        long version = CurrentVersion;
        return WithReaderAsync(r => r.ChunksOf(documentId, version), cancellationToken);
    }

    /// <summary>Waits for a write in progress, then closes every connection and the vector file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _sharedReader?.Dispose();
            _writer.Dispose();
            DrainIdleReaders();
            _vectorLifetime.EnterWriteLock();
            try
            {
                if (_graph is not null && _graph.Count != _graphSavedCount)
                {
                    SaveGraph(_graph);
                }

                _vectors?.Dispose();
                _vectors = null;
                _graph?.Dispose();
            }
            finally
            {
                _vectorLifetime.ExitWriteLock();
            }

            if (_deleteVectorFile)
            {
                File.Delete(_vectorPath);
            }
        }
        finally
        {
            // Not disposed: callers already waiting on it must get in and see ObjectDisposedException.
            _writeLock.Release();
        }
    }

    private List<SearchHit> Search(IndexReader reader, SearchQuery query, long version, string? match, float[]? queryVector)
    {
        bool mmr = query.MmrLambda is not null;
        int wanted = mmr || query.Mode == SearchMode.Hybrid ? Math.Max(query.Top * 4, 50) : query.Top;
        List<SlottedHit> keyword = query.Mode != SearchMode.Vector && match is not null ? reader.Search(match, wanted, query.Filter, version) : [];
        _vectorLifetime.EnterReadLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            List<SlottedHit> vector = query.Mode != SearchMode.Keyword && _vectors is not null ? VectorSearch(reader, queryVector!, wanted, query.Filter, version) : [];
            List<SlottedHit> ranked = query.Mode switch
            {
                SearchMode.Keyword => keyword,
                SearchMode.Vector => vector,
                _ => ReciprocalRankFusion.Fuse(keyword, vector),
            };

            if (mmr && _vectors is not null)
            {
                ranked = MaximalMarginalRelevance.Select(ranked, query.MmrLambda!.Value, query.Top, _vectors);
            }

            return [.. ranked.Take(query.Top).Select(static h => h.Hit)];
        }
        finally
        {
            _vectorLifetime.ExitReadLock();
        }
    }

    private List<SlottedHit> VectorSearch(IndexReader reader, float[] query, int top, IReadOnlyDictionary<string, string>? filter, long version)
    {
        VectorFile vectors = _vectors!;
        long[] slots;
        bool[]? live = null;
        if (filter is null && version == CurrentVersion)
        {
            var cached = _liveSlots;
            if (cached is null || cached.Value.Version != version)
            {
                long[] fresh = [.. reader.VectorSlots(null, version)];
                var mask = new bool[vectors.Count];
                foreach (long s in fresh)
                {
                    mask[s] = true;
                }

                cached = (version, fresh, mask);
                _liveSlots = cached;
            }

            (slots, live) = (cached.Value.Slots, cached.Value.Live);
        }
        else
        {
            slots = [.. reader.VectorSlots(filter, version)];
        }

        List<(long Slot, float Score)> best;
        HnswGraph? graph = slots.Length >= _options.HnswThreshold ? Graph(vectors) : null;
        if (graph is not null)
        {
            if (live is null)
            {
                live = new bool[vectors.Count];
                foreach (long s in slots)
                {
                    live[s] = true;
                }
            }

            bool[] accept = live;
            best = [.. graph.Search(query, top, Math.Max(_options.HnswEfSearch, top), s => s < accept.Length && accept[s]).Select(static p => ((long)p.Slot, p.Score))];
            // Slots appended since the graph was last extended are scored exactly.
            best = ExactVectorSearch.TopOfSlots(vectors, query, top, slots.Where(s => s >= graph.Count), best);
        }
        else if (live is not null)
        {
            // Unfiltered: one pass over the contiguous block, the mask dropping slots not live at this version.
            best = ExactVectorSearch.TopOfRange(vectors, query, top, live.Length, live);
        }
        else
        {
            best = ExactVectorSearch.TopOfSlots(vectors, query, top, slots, []);
        }

        return reader.HitsOfSlots(best, version);
    }

    private HnswGraph Graph(VectorFile vectors)
    {
        lock (_graphLock)
        {
            if (_graph is null)
            {
                HnswGraph? graph = _graphPath is null ? null : HnswGraph.TryLoad(_graphPath, vectors);
                _graphSavedCount = graph?.Count ?? 0;
                graph ??= new HnswGraph(vectors);
                graph.AddUpTo(vectors.Count);
                if (graph.Count != _graphSavedCount)
                {
                    SaveGraph(graph);
                }

                _graph = graph;
            }

            return _graph;
        }
    }

    /// <summary>The HNSW graph, once a vector search has built or loaded it (for tests).</summary>
    internal HnswGraph? LoadedGraph => _graph;

    private void SaveGraph(HnswGraph graph)
    {
        if (_graphPath is null)
        {
            return;
        }

        try
        {
            graph.Save(_graphPath);
            _graphSavedCount = graph.Count;
        }
        catch (IOException)
        {
            // Only a cache: a graph that cannot be written is rebuilt on the next open.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<List<PreparedDocument>> EmbedAsync(List<PreparedDocument> prepared, CancellationToken cancellationToken)
    {
        string[] texts = [.. prepared.SelectMany(static p => p.Chunks).Select(static c => c.Text)];
        GeneratedEmbeddings<Embedding<float>> embedded = texts.Length == 0 ? [] : await _embedder!.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embedded.Count != texts.Length)
        {
            throw new InvalidOperationException($"The embedding generator returned {embedded.Count} vectors for {texts.Length} chunks.");
        }

        var result = new List<PreparedDocument>(prepared.Count);
        int at = 0;
        foreach (PreparedDocument document in prepared)
        {
            var vectors = new ReadOnlyMemory<float>[document.Chunks.Count];
            for (int i = 0; i < vectors.Length; i++)
            {
                float[] vector = embedded[at++].Vector.ToArray();
                Normalize(vector);
                vectors[i] = vector;
            }

            result.Add(document with { Vectors = vectors });
        }

        return result;
    }

    private static void Normalize(float[] vector)
    {
        float norm = TensorPrimitives.Norm(vector);
        if (norm > 1e-12f && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
        else
        {
            Array.Clear(vector);
        }
    }

    private async ValueTask<T> WithReaderAsync<T>(Func<IndexReader, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_sharedReader is not null)
        {
            // In memory there is one database per connection, so reads share the writer's connection and its lock.
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return read(_sharedReader);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        // SQLite answers synchronously; going async here would only add allocations.
        IndexReader reader = RentReader();
        try
        {
            return read(reader);
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    private List<PreparedDocument> Prepare(IEnumerable<SourceDocument> documents, CancellationToken cancellationToken)
    {
        var prepared = new List<PreparedDocument>();
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

            IReadOnlyList<DocumentChunk> chunks = _chunker.Chunk(document);
            prepared.Add(new PreparedDocument(document.Id, document.Source, MetadataJson.Write(document.Metadata), document.Text, chunks));
            position++;
        }

        return prepared;
    }

    private static void ValidateFilter(IReadOnlyDictionary<string, string>? filter)
    {
        if (filter is null)
        {
            return;
        }

        foreach (string key in filter.Keys)
        {
            if (string.IsNullOrEmpty(key) || key.Contains('"', StringComparison.Ordinal))
            {
                throw new ArgumentException("Metadata filter keys must be non-empty and must not contain a double quote.", nameof(filter));
            }
        }
    }

    private IndexReader RentReader()
    {
        if (_idleReaders.TryTake(out IndexReader? reader))
        {
            Interlocked.Decrement(ref _idleReaderCount);
            return reader;
        }

        var connection = new SqliteConnection(_readConnectionString);
        try
        {
            connection.Open();
            SqliteSchema.InitializeReader(connection);
            return new IndexReader(connection, ownsConnection: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void ReturnReader(IndexReader reader)
    {
        if (_disposed)
        {
            reader.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleReaderCount) > _maxIdleReaders)
        {
            Interlocked.Decrement(ref _idleReaderCount);
            reader.Dispose();
            return;
        }

        _idleReaders.Add(reader);
        // Dispose may have drained the pool between the check above and the Add.
        if (_disposed)
        {
            DrainIdleReaders();
        }
    }

    private void DrainIdleReaders()
    {
        while (_idleReaders.TryTake(out IndexReader? reader))
        {
            reader.Dispose();
        }
    }
}
