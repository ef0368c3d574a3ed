using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;

namespace HybridAI.Retrieval.Tests.Chunking;

public sealed class ChunkIdTests
{
    [Fact]
    public void Id_is_a_pinned_sha256_value_so_it_is_the_same_in_every_process()
    {
        // Pinned once: if this changes, every stored index would see all its chunks as new.
        Assert.Equal("bed9ca07d5d235982454a7abf3d24b1d", ChunkId.Compute("kb-1", "Refunds take 5 days.", 0));
    }

    [Fact]
    public void Id_depends_on_document_text_and_ordinal()
    {
        string id = ChunkId.Compute("kb-1", "text", 0);

        Assert.Equal(32, id.Length);
        Assert.Equal(id, ChunkId.Compute("kb-1", "text", 0));
        Assert.NotEqual(id, ChunkId.Compute("kb-2", "text", 0));
        Assert.NotEqual(id, ChunkId.Compute("kb-1", "text.", 0));
        Assert.NotEqual(id, ChunkId.Compute("kb-1", "text", 1));
        Assert.NotEqual(ChunkId.Compute("ab", "c", 0), ChunkId.Compute("a", "bc", 0));
    }

    [Fact]
    public void Chunkers_produce_the_same_ids_for_the_same_document()
    {
        SourceDocument article = KnowledgeBase.Articles[0];
        Assert.Equal(new ParagraphChunker(80).Chunk(article).Select(c => c.Id), new ParagraphChunker(80).Chunk(article).Select(c => c.Id));
    }
}
