using System.Text.Json;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Stores;
using HybridAI.Retrieval.Tests.Embeddings;

namespace HybridAI.Retrieval.Tests.Stores;

public sealed class IndexStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Folder => _dir.File("kb");

    private static readonly SourceDocument[] Documents =
    [
        new("refund", "A refund for a double charge is paid within five days.", "Refund policy") { Metadata = new Dictionary<string, string> { ["lang"] = "en" } },
        new("shipping", "Parcels to France arrive within two weeks.\n\nDelays can be traced online.", "Shipping"),
        // No letters or digits: the hashing embedder gives the zero vector, which the file check must accept.
        new("symbols", "!!! ??? ...", "Symbols"),
    ];

    [Fact]
    public async Task A_new_store_writes_its_manifest_and_a_reopened_one_uses_it()
    {
        await using (var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash:64", Chunker = "tokens" }))
        {
            IReadOnlyList<int> counts = await store.UpsertAsync(Documents);
            var stored = new List<int>();
            foreach (SourceDocument d in Documents)
            {
                stored.Add((await store.Index.GetChunksAsync(d.Id)).Count);
            }

            Assert.Equal(stored, counts);
            Assert.Equal(3, counts.Sum());
            Assert.Equal([1], await store.UpsertAsync([Documents[0] with { Text = "Refunds now take three days." }]));
        }

        using (var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Folder, IndexStore.ManifestFileName))))
        {
            var root = json.RootElement;
            Assert.Equal(1, root.GetProperty("format").GetInt32());
            Assert.Equal("hash:64", root.GetProperty("embedder").GetString());
            Assert.Equal(64, root.GetProperty("dimensions").GetInt32());
            Assert.Equal("tokens", root.GetProperty("chunker").GetString());
            Assert.StartsWith("hashing-v1-d64-", root.GetProperty("embedderModelId").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(Directory.EnumerateFiles(Folder, "*.tmp"));
        await using var reopened = await IndexStore.OpenAsync(Folder);
        Assert.Equal(("hash:64", 64, "tokens"), (reopened.Embedder, reopened.Dimensions, reopened.Chunker));
        var hits = await reopened.Index.SearchAsync(new SearchQuery("refund three days") { Mode = SearchMode.Vector, Top = 1 });
        Assert.Equal("refund", Assert.Single(hits).DocumentId);

        var stats = await reopened.GetStatsAsync();
        Assert.Equal((3L, 3L, 2L, 4L), (stats.Documents, stats.Chunks, stats.CurrentVersion, stats.VectorCount));
        Assert.Equal(["upsert", "upsert"], stats.Versions.Select(v => v.Kind));
        Assert.Contains(stats.Files, f => f.Name == IndexStore.ManifestFileName && f.Bytes > 0);
        Assert.Contains(stats.Files, f => f.Name == IndexStore.DatabaseFileName && f.Bytes > 0);
    }

    [Fact]
    public async Task Opening_a_folder_without_a_store_says_so_and_creates_nothing()
    {
        var e = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenAsync(Folder));
        Assert.Equal($"No index at '{Folder}': there is no store.json in it.", e.Message);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public async Task Another_embedder_or_chunker_is_refused_naming_both_and_nothing_is_written()
    {
        await using (var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash:64" }))
        {
            await store.UpsertAsync(Documents);
        }

        byte[] manifest = await File.ReadAllBytesAsync(Path.Combine(Folder, IndexStore.ManifestFileName));
        var embedder = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash" }));
        Assert.Contains("was built with embedder hash:64 (64 dimensions); hash:1024 was asked for", embedder.Message, StringComparison.Ordinal);
        var chunker = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenAsync(Folder, new IndexStoreOptions { Chunker = "tokens" }));
        Assert.Contains("was built with chunker paragraph; tokens was asked for", chunker.Message, StringComparison.Ordinal);
        Assert.Equal(manifest, await File.ReadAllBytesAsync(Path.Combine(Folder, IndexStore.ManifestFileName)));

        await using var same = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "HASH:64", Chunker = "paragraph" });
        Assert.Equal(1, same.Index.CurrentVersion);
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON (line 1)")]
    [InlineData("[]", "must hold a JSON object")]
    [InlineData("{\"format\":2}", "has format 2; this version reads format 1")]
    [InlineData("{\"format\":1,\"createdAt\":\"2026-01-01T00:00:00Z\",\"dimensions\":64,\"embedder\":\"hash:64\",\"chunker\":\"paragraph\"}", "field 'embedderModelId' is missing")]
    [InlineData("{\"format\":1,\"createdAt\":\"2026-01-01T00:00:00Z\",\"dimensions\":\"64\"}", "field 'dimensions' is missing or not a whole number")]
    [InlineData("{\"format\":1,\"createdAt\":\"2026-01-01T00:00:00Z\",\"dimensions\":64,\"embedder\":\"bert\",\"embedderModelId\":\"x\",\"chunker\":\"paragraph\"}", "field 'embedder' is not an embedder this version knows")]
    public async Task A_damaged_manifest_names_the_file_and_the_field(string content, string message)
    {
        await using (var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash:64" }))
        {
            await store.UpsertAsync(Documents);
        }

        string path = Path.Combine(Folder, IndexStore.ManifestFileName);
        await File.WriteAllTextAsync(path, content);
        var e = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenAsync(Folder));
        Assert.Contains($"'{path}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_file_with_documents_but_no_manifest_is_not_adopted()
    {
        await using (var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash:64" }))
        {
            await store.UpsertAsync(Documents);
        }

        File.Delete(Path.Combine(Folder, IndexStore.ManifestFileName));
        var e = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenOrCreateAsync(Folder));
        Assert.Contains("holds documents but there is no store.json beside it", e.Message, StringComparison.Ordinal);
        Assert.False(IndexStore.Exists(Folder));
    }

    [Fact]
    public async Task A_vector_that_is_not_unit_length_is_found_and_named_by_slot()
    {
        await using (var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash:64" }))
        {
            await store.UpsertAsync(Documents);
        }

        string vectors = Path.Combine(Folder, IndexStore.DatabaseFileName + ".vectors");
        await using (var file = new FileStream(vectors, FileMode.Open, FileAccess.Write))
        {
            // The first float of slot 1 doubled in size: a single flipped exponent bit, as a bad disk block would do.
            file.Position = 64 * sizeof(float);
            file.Write(BitConverter.GetBytes(3.5f));
        }

        var e = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenAsync(Folder));
        Assert.StartsWith($"The vector file '{vectors}' is damaged: vector 1 of 3 is not one the index wrote", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_store_samples_its_vectors_on_open_and_checks_every_one_when_asked()
    {
        const int count = IndexStoreOptions.DefaultVectorSamples + 1000;
        await using (var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash:16" }))
        {
            await store.UpsertAsync([.. Enumerable.Range(0, count).Select(i => new SourceDocument($"d{i}", $"document number {i}", "s"))]);
        }

        string vectors = Path.Combine(Folder, IndexStore.DatabaseFileName + ".vectors");
        // The last vector is always among the samples.
        Damage(vectors, slot: count - 1, dimensions: 16);
        var sampled = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenAsync(Folder));
        Assert.Contains($"vector {count - 1} of {count} is not one the index wrote", sampled.Message, StringComparison.Ordinal);
        Damage(vectors, slot: 2500, dimensions: 16);
        var every = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenAsync(Folder, new IndexStoreOptions { CheckEveryVector = true }));
        Assert.Contains($"vector 2500 of {count} is not one the index wrote", every.Message, StringComparison.Ordinal);
    }

    private static void Damage(string vectors, long slot, int dimensions)
    {
        using var file = new FileStream(vectors, FileMode.Open, FileAccess.Write);
        file.Position = slot * dimensions * sizeof(float);
        file.Write(BitConverter.GetBytes(float.NaN));
    }

    [Fact]
    public async Task A_database_that_is_not_sqlite_is_named()
    {
        await using (var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash:64" }))
        {
            await store.UpsertAsync(Documents);
        }

        string database = Path.Combine(Folder, IndexStore.DatabaseFileName);
        await File.WriteAllTextAsync(database, new string('x', 8192));
        var e = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenAsync(Folder));
        Assert.Equal($"The index file '{database}' is not a readable index database (SQLite Error 26: 'file is not a database').", e.Message);
    }

    [Fact]
    public async Task One_open_store_per_folder_at_a_time_and_the_next_opens_once_it_is_closed()
    {
        var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "hash:64" });
        await store.UpsertAsync(Documents);
        var e = await Assert.ThrowsAsync<IndexStoreException>(() => IndexStore.OpenAsync(Folder, new IndexStoreOptions { LockTimeout = TimeSpan.Zero }));
        Assert.Contains($"The store at '{Folder}' is in use by another process", e.Message, StringComparison.Ordinal);
        await store.DisposeAsync();

        await using var next = await IndexStore.OpenAsync(Folder, new IndexStoreOptions { LockTimeout = TimeSpan.Zero });
        Assert.Equal(1, next.Index.CurrentVersion);
    }

    [OnnxRuntimeFact]
    public async Task An_onnx_store_reopens_with_its_model_and_a_missing_model_is_named()
    {
        using var model = new TempDirectory();
        string path = new TinyBert().Write(model);
        await using (var store = await IndexStore.OpenOrCreateAsync(Folder, new IndexStoreOptions { Embedder = "onnx:" + model.Path }))
        {
            Assert.Equal("onnx:" + path, store.Embedder);
            Assert.Equal(TinyBert.Hidden, store.Dimensions);
            await store.UpsertAsync([new SourceDocument("d1", "the cat sat on the mat", "cats"), new SourceDocument("d2", "dog runs fast", "dogs")]);
        }

        await using (var reopened = await IndexStore.OpenAsync(Folder))
        {
            var hits = await reopened.Index.SearchAsync(new SearchQuery("the cat sat") { Mode = SearchMode.Vector, Top = 1 });
            Assert.Equal("d1", Assert.Single(hits).DocumentId);
        }

        File.Delete(path);
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => IndexStore.OpenAsync(Folder));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
