using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Sqlite;

namespace HybridAI.Retrieval.Tests.Conformance;

public sealed class SqliteDocumentIndexConformanceTests : DocumentIndexConformanceTests, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    protected override async Task<IVersionedDocumentIndex> OpenEmptyAsync() =>
        await SqliteDocumentIndex.OpenAsync(_dir.File(Guid.NewGuid().ToString("N") + ".db"),
            new SqliteIndexOptions { EmbeddingGenerator = new HashingEmbeddingGenerator() });
}
