using HybridAI.Retrieval.Vectors;

namespace HybridAI.Retrieval.Tests.Vectors;

public sealed class HnswGraphFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<int> Slots(HnswGraph graph, float[] query) => [.. graph.Search(query, 10, 64, null).Select(h => h.Slot)];

    [Fact]
    public void A_saved_graph_loads_without_inserting_and_answers_like_the_original()
    {
        float[][] vectors = ExactVectorSearchTests.RandomUnitVectors(3000, 32, seed: 11);
        using VectorFile file = ExactVectorSearchTests.FileOf(_dir.File("g.vectors"), vectors);
        using var built = new HnswGraph(file);
        built.AddUpTo(file.Count);
        built.Save(_dir.File("g.hnsw"));

        using HnswGraph? loaded = HnswGraph.TryLoad(_dir.File("g.hnsw"), file);

        Assert.NotNull(loaded);
        Assert.Equal(3000, loaded.Count);
        Assert.Equal(0, loaded.Inserted);
        Assert.Equal(built.LinkBytes, loaded.LinkBytes);
        foreach (float[] query in ExactVectorSearchTests.RandomUnitVectors(30, 32, seed: 12))
        {
            Assert.Equal(Slots(built, query), Slots(loaded, query));
        }
    }

    [Fact]
    public void A_graph_of_a_prefix_loads_and_is_extended_with_the_slots_appended_since()
    {
        float[][] vectors = ExactVectorSearchTests.RandomUnitVectors(1500, 16, seed: 13);
        using VectorFile file = ExactVectorSearchTests.FileOf(_dir.File("p.vectors"), vectors[..1000]);
        using (var built = new HnswGraph(file))
        {
            built.AddUpTo(file.Count);
            built.Save(_dir.File("p.hnsw"));
        }

        file.Append([.. vectors[1000..].Select(v => (ReadOnlyMemory<float>)v)]);
        file.Publish();
        using HnswGraph? loaded = HnswGraph.TryLoad(_dir.File("p.hnsw"), file);
        Assert.NotNull(loaded);
        loaded.AddUpTo(file.Count);

        Assert.Equal(1500, loaded.Count);
        Assert.Equal(500, loaded.Inserted);
        Assert.Equal(1200, loaded.Search(vectors[1200], 1, 64, null)[0].Slot);
    }

    [Theory]
    [InlineData("flip a link byte")]
    [InlineData("truncate")]
    [InlineData("other vectors")]
    [InlineData("other parameters")]
    [InlineData("more nodes than vectors")]
    [InlineData("not a graph")]
    public void A_stale_or_damaged_graph_file_is_ignored(string damage)
    {
        float[][] vectors = ExactVectorSearchTests.RandomUnitVectors(800, 16, seed: 14);
        using VectorFile file = ExactVectorSearchTests.FileOf(_dir.File("d.vectors"), vectors);
        string path = _dir.File("d.hnsw");
        using (var built = new HnswGraph(file))
        {
            built.AddUpTo(file.Count);
            built.Save(path);
        }

        using VectorFile? other = damage switch
        {
            "other vectors" => ExactVectorSearchTests.FileOf(_dir.File("o.vectors"), ExactVectorSearchTests.RandomUnitVectors(800, 16, seed: 15)),
            "more nodes than vectors" => ExactVectorSearchTests.FileOf(_dir.File("o.vectors"), vectors[..700]),
            _ => null,
        };
        VectorFile opened = other ?? file;
        byte[] bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "flip a link byte":
                bytes[bytes.Length / 2] ^= 0x40;
                File.WriteAllBytes(path, bytes);
                break;
            case "truncate":
                File.WriteAllBytes(path, bytes[..(bytes.Length - 4)]);
                break;
            case "not a graph":
                File.WriteAllText(path, "hello");
                break;
        }

        using HnswGraph? loaded = HnswGraph.TryLoad(path, opened, m: damage == "other parameters" ? 12 : 16);

        Assert.Null(loaded);
    }

    [Fact]
    public void A_missing_graph_file_is_not_an_error()
    {
        using VectorFile file = ExactVectorSearchTests.FileOf(_dir.File("n.vectors"), ExactVectorSearchTests.RandomUnitVectors(10, 8, seed: 1));

        Assert.Null(HnswGraph.TryLoad(_dir.File("none.hnsw"), file));
    }
}
