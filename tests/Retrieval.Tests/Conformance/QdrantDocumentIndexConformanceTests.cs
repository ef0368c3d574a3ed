using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Qdrant;
using HybridAI.Retrieval.Tests.Qdrant;

namespace HybridAI.Retrieval.Tests.Conformance;

/// <summary>
/// The conformance suite against <see cref="QdrantDocumentIndex"/> on the fake Qdrant server, which checks every
/// request of every test against Qdrant's OpenAPI document (a non-conforming request is refused, so the test fails,
/// and is listed again when the test ends).
/// </summary>
public sealed class QdrantDocumentIndexConformanceTests : DocumentIndexConformanceTests, IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Assert.True(_server.Violations.IsEmpty, "requests off Qdrant's OpenAPI document: " + string.Join("\n", _server.Violations));
        Assert.NotEmpty(_server.Requests);
    }

    protected override async Task<IVersionedDocumentIndex> OpenEmptyAsync() =>
        await QdrantDocumentIndex.OpenAsync(new QdrantIndexOptions
        {
            BaseAddress = _server.BaseAddress,
            CollectionName = "kb-" + Guid.NewGuid().ToString("N"),
            EmbeddingGenerator = new HashingEmbeddingGenerator(),
            // Small pages and batches, so paging and batching are exercised by every test of the suite.
            UpsertBatchSize = 3,
            ScrollPageSize = 4,
        });
}
