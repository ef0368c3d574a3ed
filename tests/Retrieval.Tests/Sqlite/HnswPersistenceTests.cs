using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Sqlite;
using HybridAI.Retrieval.Tests.Vectors;

namespace HybridAI.Retrieval.Tests.Sqlite;

/// <summary>The HNSW graph of a file-backed index is kept in <c>&lt;db&gt;.hnsw</c> and reused on reopening.</summary>
public sealed class HnswPersistenceTests : IDisposable
{
    private const int Documents = 600;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SqliteIndexOptions Options() => new()
    {
        EmbeddingGenerator = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 128 }),
        HnswThreshold = 100,
    };

    private static IEnumerable<SourceDocument> Corpus(int from, int count)
    {
        List<string> texts = HnswRecallTests.SyntheticTexts(from + count, seed: 21);
        return Enumerable.Range(from, count).Select(i => new SourceDocument("doc-" + i, texts[i], "synthetic"));
    }

    private static async Task<List<string>> VectorSearchAsync(SqliteDocumentIndex index, string text) =>
        [.. (await index.SearchAsync(new SearchQuery(text) { Mode = SearchMode.Vector, Top = 5 })).Select(h => h.DocumentId)];

    [Fact]
    public async Task Reopening_loads_the_saved_graph_instead_of_rebuilding_it()
    {
        string path = _dir.File("kb.db");
        string probe = HnswRecallTests.SyntheticTexts(Documents, seed: 21)[123];
        List<string> first;
        await using (var index = await SqliteDocumentIndex.OpenAsync(path, Options()))
        {
            await index.UpsertAsync(Corpus(0, Documents));
            first = await VectorSearchAsync(index, probe);
            Assert.Equal(Documents, index.LoadedGraph!.Inserted);
        }

        Assert.True(File.Exists(_dir.File("kb.db.hnsw")));
        await using (var reopened = await SqliteDocumentIndex.OpenAsync(path, Options()))
        {
            Assert.Null(reopened.LoadedGraph);
            Assert.Equal(first, await VectorSearchAsync(reopened, probe));
            Assert.Equal(Documents, reopened.LoadedGraph!.Count);
            Assert.Equal(0, reopened.LoadedGraph.Inserted);
            Assert.Equal("doc-123", first[0]);
        }
    }

    [Fact]
    public async Task Slots_ingested_after_the_graph_was_built_are_saved_at_dispose_and_found_after_reopening()
    {
        string path = _dir.File("grow.db");
        await using (var index = await SqliteDocumentIndex.OpenAsync(path, Options()))
        {
            await index.UpsertAsync(Corpus(0, Documents));
            await VectorSearchAsync(index, "anything");
            await index.UpsertAsync(Corpus(Documents, 50));
            Assert.Equal(Documents + 50, index.LoadedGraph!.Count);
        }

        await using var reopened = await SqliteDocumentIndex.OpenAsync(path, Options());
        string late = HnswRecallTests.SyntheticTexts(Documents + 50, seed: 21)[Documents + 7];
        Assert.Equal("doc-" + (Documents + 7), (await VectorSearchAsync(reopened, late))[0]);
        Assert.Equal(0, reopened.LoadedGraph!.Inserted);
    }

    [Fact]
    public async Task A_corrupt_graph_file_is_ignored_rebuilt_and_results_stay_correct()
    {
        string path = _dir.File("bad.db");
        string probe = HnswRecallTests.SyntheticTexts(Documents, seed: 21)[321];
        List<string> first;
        await using (var index = await SqliteDocumentIndex.OpenAsync(path, Options()))
        {
            await index.UpsertAsync(Corpus(0, Documents));
            first = await VectorSearchAsync(index, probe);
        }

        byte[] bytes = File.ReadAllBytes(path + ".hnsw");
        for (int i = 64; i < bytes.Length; i += 97)
        {
            bytes[i] = 0xFF;
        }

        File.WriteAllBytes(path + ".hnsw", bytes);
        await using (var reopened = await SqliteDocumentIndex.OpenAsync(path, Options()))
        {
            Assert.Equal(first, await VectorSearchAsync(reopened, probe));
            Assert.Equal(Documents, reopened.LoadedGraph!.Inserted);
            Assert.Equal("doc-321", first[0]);
        }

        // The rebuilt graph replaced the corrupt file.
        await using var again = await SqliteDocumentIndex.OpenAsync(path, Options());
        await VectorSearchAsync(again, probe);
        Assert.Equal(0, again.LoadedGraph!.Inserted);
    }
}
