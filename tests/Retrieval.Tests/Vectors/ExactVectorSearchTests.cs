using System.Numerics.Tensors;
using HybridAI.Retrieval.Vectors;

namespace HybridAI.Retrieval.Tests.Vectors;

public sealed class ExactVectorSearchTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static float[][] RandomUnitVectors(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var vectors = new float[count][];
        for (int i = 0; i < count; i++)
        {
            float[] v = [.. Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5))];
            TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
            vectors[i] = v;
        }

        return vectors;
    }

    internal static VectorFile FileOf(string path, float[][] vectors)
    {
        var file = VectorFile.Open(path, vectors[0].Length, 0);
        file.Append([.. vectors.Select(v => (ReadOnlyMemory<float>)v)]);
        file.Publish();
        return file;
    }

    private static List<long> BruteForce(float[][] vectors, float[] query, int top, Func<long, bool> accept) =>
        [.. Enumerable.Range(0, vectors.Length).Where(i => accept(i)).Select(i => (Slot: (long)i, Score: TensorPrimitives.Dot(query, vectors[i])))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Slot).Take(top).Select(p => p.Slot)];

    // Odd sizes on purpose: dimensions that leave 16-, 8-, 4-float and scalar tails after the 32-float steps, and
    // dimensions below 16 that take the TensorPrimitives path.
    [Theory]
    [InlineData(1003, 37)]
    [InlineData(2, 100)]
    [InlineData(517, 8)]
    [InlineData(300, 24)]
    public void Range_scan_returns_the_brute_force_top_k_best_first(int count, int dimensions)
    {
        float[][] vectors = RandomUnitVectors(count, dimensions, seed: count);
        using VectorFile file = FileOf(_dir.File("r.vectors"), vectors);
        foreach (float[] query in RandomUnitVectors(20, dimensions, seed: 5))
        {
            var hits = ExactVectorSearch.TopOfRange(file, query, 10, file.Count, live: null);

            Assert.Equal(BruteForce(vectors, query, 10, _ => true), hits.Select(h => h.Slot));
            Assert.All(hits, h => Assert.Equal(TensorPrimitives.Dot(query, vectors[h.Slot]), h.Score, 1e-5f));
        }
    }

    [Fact]
    public void Range_scan_skips_slots_the_mask_does_not_mark_and_slots_past_it()
    {
        float[][] vectors = RandomUnitVectors(400, 24, seed: 1);
        using VectorFile file = FileOf(_dir.File("m.vectors"), vectors);
        bool[] live = [.. Enumerable.Range(0, 300).Select(i => i % 3 != 0)];
        float[] query = vectors[3]; // its own slot is masked out

        var hits = ExactVectorSearch.TopOfRange(file, query, 15, file.Count, live);

        Assert.Equal(BruteForce(vectors, query, 15, s => s < 300 && s % 3 != 0), hits.Select(h => h.Slot));
        Assert.DoesNotContain(hits, h => h.Slot == 3);
    }

    [Fact]
    public void Slot_scan_merges_its_slots_with_already_scored_seed()
    {
        float[][] vectors = RandomUnitVectors(200, 16, seed: 2);
        using VectorFile file = FileOf(_dir.File("s.vectors"), vectors);
        float[] query = vectors[150];
        long[] firstHalf = [.. Enumerable.Range(0, 100).Select(i => (long)i)];
        var seed = ExactVectorSearch.TopOfSlots(file, query, 5, firstHalf, []);

        var merged = ExactVectorSearch.TopOfSlots(file, query, 5, Enumerable.Range(100, 100).Select(i => (long)i), seed);

        Assert.Equal(BruteForce(vectors, query, 5, _ => true), merged.Select(h => h.Slot));
        Assert.Equal(150, merged[0].Slot);
    }

    [Fact]
    public void A_query_of_the_wrong_dimension_is_refused_with_both_sizes()
    {
        using VectorFile file = FileOf(_dir.File("d.vectors"), RandomUnitVectors(10, 16, seed: 3));

        var error = Assert.Throws<ArgumentException>(() => ExactVectorSearch.TopOfRange(file, new float[15], 3, file.Count, null));

        Assert.Contains("15", error.Message, StringComparison.Ordinal);
        Assert.Contains("16", error.Message, StringComparison.Ordinal);
    }
}
