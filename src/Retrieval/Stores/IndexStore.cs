using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Stores;

/// <summary>
/// A folder holding a <see cref="SqliteDocumentIndex"/> (<c>index.db</c> and <c>index.db.vectors</c>) and a manifest
/// (<c>store.json</c>) that remembers the embedder and chunker it was built with, so every later write and search
/// uses the same ones without being told. Opening checks the files first: a missing store, a damaged database or
/// vector file, or an embedder that no longer makes the store's vectors is an <see cref="IndexStoreException"/>
/// naming the file, and nothing is written. One process at a time has a store open (see
/// <see cref="IndexStoreOptions.LockTimeout"/>): even a search trims the vector file to what its index committed.
/// </summary>
/// <example>
/// <code>
/// await using (var store = await IndexStore.OpenOrCreateAsync("kb", new IndexStoreOptions { Embedder = "hash:512" }))
/// {
///     IReadOnlyList&lt;int&gt; chunks = await store.UpsertAsync(documents); // chunks per document
/// }
///
/// await using var kb = await IndexStore.OpenAsync("kb"); // hash:512 again, from store.json
/// var hits = await kb.Index.SearchAsync(new SearchQuery("refund") { Mode = SearchMode.Hybrid });
/// </code>
/// </example>
public sealed class IndexStore : IAsyncDisposable
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "store.json";

    /// <summary>The index database's file name; its vectors are in the same name + ".vectors".</summary>
    public const string DatabaseFileName = "index.db";

    /// <summary>The embedder of a new store when none is named: <c>hash</c> (1024 hashed dimensions, needs no model).</summary>
    public const string DefaultEmbedder = EmbedderSpec.Hash;

    /// <summary>Paragraph chunks (<see cref="Chunking.ParagraphChunker"/>, up to 1200 characters); the default.</summary>
    public const string ParagraphChunkerName = "paragraph";

    /// <summary>Windows of 200 words overlapping by 40 (<see cref="TokenWindowChunker"/>).</summary>
    public const string TokensChunkerName = "tokens";

    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly CountingChunker _chunker;
    private readonly IndexStoreManifest _manifest;
    private readonly SemaphoreSlim _upsertLock = new(1, 1);
    private readonly FileStream _storeLock;

    private IndexStore(string folder, IndexStoreManifest manifest, IEmbeddingGenerator<string, Embedding<float>> generator, CountingChunker chunker, SqliteDocumentIndex index, FileStream storeLock)
    {
        _storeLock = storeLock;
        Folder = folder;
        _manifest = manifest;
        _generator = generator;
        _chunker = chunker;
        Index = index;
    }

    /// <summary>The store's folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The index; write through <see cref="UpsertAsync"/> to learn chunk counts, or straight to it.</summary>
    public SqliteDocumentIndex Index { get; }

    /// <summary>The embedder's canonical spec: "hash:1024", "glove" or "onnx:/full/path/model.onnx".</summary>
    public string Embedder => _manifest.Embedder;

    /// <summary>The id the embedder reports for its vectors.</summary>
    public string EmbedderModelId => _manifest.EmbedderModelId;

    /// <summary>Vector length.</summary>
    public int Dimensions => _manifest.Dimensions;

    /// <summary>"paragraph" or "tokens".</summary>
    public string Chunker => _manifest.Chunker;

    /// <summary>Whether <paramref name="folder"/> holds a store (its manifest).</summary>
    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, ManifestFileName));

    /// <summary>Opens the store in <paramref name="folder"/> with the embedder and chunker its manifest names.</summary>
    /// <exception cref="ArgumentException">An embedder or chunker in <paramref name="options"/> is not one of the forms it lists.</exception>
    /// <exception cref="IndexStoreException">There is no store there, one of its files is damaged or inconsistent, or it was built with another embedder or chunker than <paramref name="options"/> names.</exception>
    public static Task<IndexStore> OpenAsync(string folder, IndexStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new IndexStoreOptions();
        EmbedderSpec? spec = options.Embedder is null ? null : EmbedderSpec.Parse(options.Embedder);
        string? chunkerName = options.Chunker is null ? null : ChunkerName(options.Chunker);
        if (!Exists(folder))
        {
            throw new IndexStoreException($"No index at '{folder}': there is no {ManifestFileName} in it.");
        }

        return OpenExistingAsync(Path.GetFullPath(folder), spec, chunkerName, options, cancellationToken);
    }

    /// <summary>
    /// Opens the store in <paramref name="folder"/>, or creates it (and the folder) with the embedder and chunker of
    /// <paramref name="options"/> (defaults <see cref="DefaultEmbedder"/> and <see cref="ParagraphChunkerName"/>).
    /// For an existing store, a given embedder or chunker must be the one it was built with.
    /// </summary>
    /// <exception cref="ArgumentException">The embedder or chunker is not one of the forms <see cref="IndexStoreOptions"/> lists.</exception>
    /// <exception cref="IndexStoreException">The store was built with another embedder or chunker, or a file is damaged.</exception>
    public static async Task<IndexStore> OpenOrCreateAsync(string folder, IndexStoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new IndexStoreOptions();
        EmbedderSpec? spec = options.Embedder is null ? null : EmbedderSpec.Parse(options.Embedder);
        string? chunkerName = options.Chunker is null ? null : ChunkerName(options.Chunker);
        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new IndexStoreException($"The store path '{folder}' is a file; a store is a folder.");
        }

        return Exists(full)
            ? await OpenExistingAsync(full, spec, chunkerName, options, cancellationToken).ConfigureAwait(false)
            : await CreateAsync(full, spec ?? EmbedderSpec.Parse(DefaultEmbedder), chunkerName ?? ParagraphChunkerName, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="documents"/> as one version and returns how many chunks each was cut into, in order.</summary>
    /// <remarks>The counts are exact when writes to this store go through this method (calls wait for each other).</remarks>
    public async ValueTask<IReadOnlyList<int>> UpsertAsync(IReadOnlyCollection<SourceDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await _upsertLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var counts = new List<int>(documents.Count);
            _chunker.Recording = counts;
            try
            {
                await Index.UpsertAsync(documents, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _chunker.Recording = null;
            }

            return counts;
        }
        finally
        {
            _upsertLock.Release();
        }
    }

    /// <summary>Counts, versions and file sizes at the latest version.</summary>
    public async ValueTask<IndexStoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<IndexVersion> versions = await Index.GetVersionsAsync(cancellationToken).ConfigureAwait(false);
        SqliteIndexFiles.Facts facts = ReadFacts(DatabasePath(Folder));
        (string, long)[] files = [.. new DirectoryInfo(Folder).EnumerateFiles()
            .Where(static f => f.Name == ManifestFileName || f.Name.StartsWith(DatabaseFileName, StringComparison.Ordinal))
            .OrderBy(static f => f.Name, StringComparer.Ordinal)
            .Select(static f => (f.Name, f.Length))];
        return new IndexStoreStats(facts.Documents, facts.Chunks, Index.CurrentVersion, versions, Embedder, EmbedderModelId, Dimensions, facts.VectorCount, files);
    }

    /// <summary>Closes the index, then the embedder, then lets other processes open the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await Index.DisposeAsync().ConfigureAwait(false);
        _generator.Dispose();
        _upsertLock.Dispose();
        await _storeLock.DisposeAsync().ConfigureAwait(false);
    }

    private static string DatabasePath(string folder) => Path.Combine(folder, DatabaseFileName);

    private static async Task<IndexStore> CreateAsync(string folder, EmbedderSpec spec, string chunker, IndexStoreOptions options, CancellationToken cancellationToken)
    {
        // The embedder first: a model that cannot load leaves no folder behind.
        IEmbeddingGenerator<string, Embedding<float>>? generator = spec.Create();
        FileStream? storeLock = null;
        try
        {
            Directory.CreateDirectory(folder);
            storeLock = await StoreLock.AcquireAsync(folder, options.LockTimeout, cancellationToken).ConfigureAwait(false);
            if (Exists(folder))
            {
                // Another process created it while this one waited for the lock.
                storeLock.Dispose();
                storeLock = null;
                generator.Dispose();
                generator = null;
                return await OpenExistingAsync(folder, spec, chunker, options, cancellationToken).ConfigureAwait(false);
            }

            string database = DatabasePath(folder);
            if (File.Exists(database) && ReadFacts(database).CurrentVersion > 0)
            {
                throw new IndexStoreException($"'{database}' holds documents but there is no {ManifestFileName} beside it, so its embedder is unknown; move it away or use another folder.");
            }

            (int dimensions, string modelId) = EmbedderSpec.Describe(generator);
            var manifest = new IndexStoreManifest(spec.ToString(), modelId, dimensions, chunker, DateTimeOffset.UtcNow);
            IndexStore store = await OpenIndexAsync(folder, manifest, generator, storeLock, options, cancellationToken).ConfigureAwait(false);
            (generator, storeLock) = (null, null); // the store owns them now
            try
            {
                // The manifest last: a folder without it is not a store yet, and a failed creation leaves none.
                manifest.Write(Path.Combine(folder, ManifestFileName));
            }
            catch
            {
                await store.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return store;
        }
        finally
        {
            generator?.Dispose();
            storeLock?.Dispose();
        }
    }

    private static async Task<IndexStore> OpenExistingAsync(string folder, EmbedderSpec? requested, string? chunker, IndexStoreOptions options, CancellationToken cancellationToken)
    {
        FileStream storeLock = await StoreLock.AcquireAsync(folder, options.LockTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            return await OpenLockedAsync(folder, requested, chunker, storeLock, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            storeLock.Dispose();
            throw;
        }
    }

    private static async Task<IndexStore> OpenLockedAsync(string folder, EmbedderSpec? requested, string? chunker, FileStream storeLock, IndexStoreOptions options, CancellationToken cancellationToken)
    {
        string manifestPath = Path.Combine(folder, ManifestFileName);
        IndexStoreManifest manifest = IndexStoreManifest.Read(manifestPath);
        if (requested is not null && requested.ToString() != manifest.Embedder)
        {
            throw new IndexStoreException(
                $"The store at '{folder}' was built with embedder {manifest.Embedder} ({manifest.Dimensions} dimensions); {requested} was asked for. Vectors of different embedders cannot be compared: leave the embedder out to use the store's, or use another store.");
        }

        if (chunker is not null && chunker != manifest.Chunker)
        {
            throw new IndexStoreException($"The store at '{folder}' was built with chunker {manifest.Chunker}; {chunker} was asked for. Leave the chunker out to use the store's, or use another store.");
        }

        string database = DatabasePath(folder);
        if (!File.Exists(database))
        {
            throw new IndexStoreException($"The store at '{folder}' has a {ManifestFileName} but its index file '{database}' is missing.");
        }

        SqliteIndexFiles.Facts facts = ReadFacts(database);
        if (facts.Dimensions is int held && held != manifest.Dimensions)
        {
            throw new IndexStoreException(FormattableString.Invariant(
                $"'{manifestPath}' says {manifest.Dimensions} dimensions but '{database}' holds {held}-dimensional vectors; the two files do not belong together."));
        }

        string vectors = database + ".vectors";
        if (facts.Dimensions is int dimensions)
        {
            try
            {
                SqliteIndexFiles.CheckVectors(vectors, dimensions, facts.VectorCount, options.CheckEveryVector ? null : IndexStoreOptions.DefaultVectorSamples);
            }
            catch (InvalidDataException e)
            {
                throw new IndexStoreException(e.Message, e);
            }
        }

        EmbedderSpec spec = Parsed(manifest, manifestPath);
        IEmbeddingGenerator<string, Embedding<float>> generator = spec.Create();
        try
        {
            (int made, string modelId) = EmbedderSpec.Describe(generator);
            if (made != manifest.Dimensions)
            {
                throw new IndexStoreException(FormattableString.Invariant(
                    $"The store at '{folder}' holds {manifest.Dimensions}-dimensional vectors but its embedder {manifest.Embedder} now makes {made}-dimensional ones (was the model replaced?)."));
            }

            if (modelId != manifest.EmbedderModelId)
            {
                throw new IndexStoreException(
                    $"The store at '{folder}' was built with embedder model '{manifest.EmbedderModelId}' but {manifest.Embedder} now reports '{modelId}'; its vectors would not be comparable.");
            }

            return await OpenIndexAsync(folder, manifest, generator, storeLock, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    private static EmbedderSpec Parsed(IndexStoreManifest manifest, string manifestPath)
    {
        try
        {
            return EmbedderSpec.Parse(manifest.Embedder);
        }
        catch (ArgumentException e)
        {
            throw new IndexStoreException($"The store manifest '{manifestPath}': field 'embedder' is not an embedder this version knows ({e.Message})", e);
        }
    }

    private static async Task<IndexStore> OpenIndexAsync(string folder, IndexStoreManifest manifest, IEmbeddingGenerator<string, Embedding<float>> generator, FileStream storeLock, IndexStoreOptions options, CancellationToken cancellationToken)
    {
        var chunker = new CountingChunker(manifest.Chunker == TokensChunkerName ? new TokenWindowChunker() : new Chunking.ParagraphChunker());
        string database = DatabasePath(folder);
        try
        {
            SqliteDocumentIndex index = await SqliteDocumentIndex.OpenAsync(database, new SqliteIndexOptions { EmbeddingGenerator = generator, Chunker = chunker, HnswThreshold = options.HnswThreshold }, cancellationToken)
                .ConfigureAwait(false);
            return new IndexStore(folder, manifest, generator, chunker, index, storeLock);
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException or NotSupportedException)
        {
            throw new IndexStoreException($"The index file '{database}' cannot be opened: {e.Message}", e);
        }
    }

    private static SqliteIndexFiles.Facts ReadFacts(string database)
    {
        try
        {
            return SqliteIndexFiles.Read(database);
        }
        catch (InvalidDataException e)
        {
            throw new IndexStoreException(e.Message, e);
        }
    }

    private static string ChunkerName(string chunker) => chunker.Trim().ToLowerInvariant() switch
    {
        ParagraphChunkerName => ParagraphChunkerName,
        TokensChunkerName => TokensChunkerName,
        _ => throw new ArgumentException($"Unknown chunker '{chunker}': use {ParagraphChunkerName} or {TokensChunkerName}.", nameof(chunker)),
    };
}
