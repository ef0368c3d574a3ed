using System.Collections.Concurrent;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Querying;
using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>
/// The embedded keyword-search store: documents, their chunks and an FTS5 index in one SQLite file (WAL mode),
/// ranked by BM25, accent-insensitive (French "remboursé" finds "rembourse"). Any text a user types is a safe
/// query. Writes go through one writer at a time; searches run concurrently on their own read connections.
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
/// </code>
/// </example>
public sealed class SqliteDocumentIndex : IDocumentIndex, IAsyncDisposable
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
    private int _idleReaderCount;
    private volatile bool _disposed;

    private SqliteDocumentIndex(IndexWriter writer, string? readConnectionString, SqliteIndexOptions options)
    {
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
            return new SqliteDocumentIndex(new IndexWriter(connection, inMemory), readConnectionString, options);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Documents are chunked before the write lock is taken; the whole batch is then written in one transaction,
    /// each document's old chunks removed first.
    /// </remarks>
    /// <exception cref="ArgumentException">A document is null or has an empty id, or a null text or source.</exception>
    public async ValueTask UpsertAsync(IEnumerable<SourceDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<PreparedDocument> prepared = Prepare(documents, cancellationToken);
        if (prepared.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _writer.Upsert(prepared, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _writer.Delete(documentId);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only <see cref="SearchMode.Keyword"/> is supported. The query text is cut into words; stop words are dropped and
    /// the rest are OR-ed, so punctuation, quotes and FTS5 operators in the text never raise a syntax error. A text
    /// without any word returns no hits.
    /// </remarks>
    /// <exception cref="NotSupportedException"><see cref="SearchQuery.Mode"/> is Vector or Hybrid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SearchQuery.Top"/> is below 1.</exception>
    /// <exception cref="ArgumentException">A filter key contains a double quote.</exception>
    public ValueTask<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Mode != SearchMode.Keyword)
        {
            throw new NotSupportedException(
                $"SqliteDocumentIndex supports SearchMode.Keyword only; SearchMode.{query.Mode} needs embeddings, which this store does not hold yet.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(query.Top, 1, "query.Top");
        ValidateFilter(query.Filter);
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();

        string? match = _matchBuilder.Build(query.Text ?? string.Empty);
        if (match is null)
        {
            return ValueTask.FromResult<IReadOnlyList<SearchHit>>([]);
        }

        if (_sharedReader is not null)
        {
            return SearchInMemoryAsync(match, query, cancellationToken);
        }

        // SQLite answers synchronously; going async here would only add allocations.
        IndexReader reader = RentReader();
        try
        {
            return ValueTask.FromResult(reader.Search(match, query.Top, query.Filter));
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <summary>The stored chunks of a document in order; empty when the id is not present.</summary>
    public async ValueTask<IReadOnlyList<DocumentChunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_sharedReader is not null)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _sharedReader.ChunksOf(documentId);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        IndexReader reader = RentReader();
        try
        {
            return reader.ChunksOf(documentId);
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <summary>Waits for a write in progress, then closes every connection.</summary>
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
        }
        finally
        {
            // Not disposed: callers already waiting on it must get in and see ObjectDisposedException.
            _writeLock.Release();
        }
    }

    private async ValueTask<IReadOnlyList<SearchHit>> SearchInMemoryAsync(string match, SearchQuery query, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _sharedReader!.Search(match, query.Top, query.Filter);
        }
        finally
        {
            _writeLock.Release();
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
