using System.Diagnostics;
using System.Numerics.Tensors;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Vectors;
using Xunit.Abstractions;

namespace HybridAI.Retrieval.Tests.Vectors;

public sealed class HnswRecallTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// Sentences of 6–14 words, seeded: each on one of 300 topics (60% of its words from the topic's 40, the rest from a
    /// 3 000-word vocabulary with a Zipf-like skew), as ticket and article texts cluster by subject.
    /// </summary>
    internal static List<string> SyntheticTexts(int count, int seed)
    {
        var random = new Random(seed);
        string[] vocabulary = [.. Enumerable.Range(0, 3000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + (char)('a' + (i % 26)))];
        var texts = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            int words = random.Next(6, 15);
            int topic = random.Next(300);
            texts.Add(string.Join(' ', Enumerable.Range(0, words).Select(_ => random.NextDouble() < 0.6
                ? "t" + topic.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x" + random.Next(40).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : vocabulary[(int)(Math.Pow(random.NextDouble(), 2) * vocabulary.Length)])));
        }

        return texts;
    }

    internal static async Task<VectorFile> HashedVectorFileAsync(string path, IReadOnlyList<string> texts, int dimensions)
    {
        using var embedder = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = dimensions });
        var vectors = (await embedder.GenerateAsync(texts)).Select(e => (ReadOnlyMemory<float>)e.Vector.ToArray()).ToList();
        var file = VectorFile.Open(path, dimensions, 0);
        file.Append(vectors);
        file.Publish();
        return file;
    }

    [Fact]
    public async Task Hnsw_recall_at_10_against_exact_search_is_at_least_0_95_on_20k_hashed_texts()
    {
        const int count = 20_000, dimensions = 256, queries = 200, k = 10;
        using VectorFile file = await HashedVectorFileAsync(_dir.File("v.vectors"), SyntheticTexts(count, seed: 7), dimensions);
        using var embedder = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = dimensions });
        var queryVectors = (await embedder.GenerateAsync(SyntheticTexts(queries, seed: 99))).Select(e => e.Vector.ToArray()).ToList();

        var build = Stopwatch.StartNew();
        using var graph = new HnswGraph(file);
        graph.AddUpTo(file.Count);
        build.Stop();

        double recallSum = 0;
        var hnswTime = new Stopwatch();
        var exactTime = new Stopwatch();
        foreach (float[] query in queryVectors)
        {
            exactTime.Start();
            var exact = Enumerable.Range(0, count).Select(s => (Slot: s, Score: TensorPrimitives.Dot(query, file[s])))
                .OrderByDescending(p => p.Score).Take(k).Select(p => p.Slot).ToHashSet();
            exactTime.Stop();
            hnswTime.Start();
            var approximate = graph.Search(query, k, ef: 200, static _ => true);
            hnswTime.Stop();
            recallSum += approximate.Count(p => exact.Contains(p.Slot)) / (double)k;
        }

        double recall = recallSum / queries;
        output.WriteLine($"HNSW {count} x {dimensions}: build {build.Elapsed.TotalSeconds:F1} s, recall@{k} {recall:F3}, " +
            $"query {hnswTime.Elapsed.TotalMilliseconds / queries:F2} ms vs exact (LINQ) {exactTime.Elapsed.TotalMilliseconds / queries:F2} ms");
        Assert.True(recall >= 0.95, $"recall@{k} {recall:F3}");
    }

    [Fact]
    public async Task Filtered_search_returns_only_accepted_slots()
    {
        var texts = SyntheticTexts(2000, seed: 3);
        using VectorFile file = await HashedVectorFileAsync(_dir.File("f.vectors"), texts, 128);
        using var graph = new HnswGraph(file);
        graph.AddUpTo(file.Count);

        var hits = graph.Search(file[10].ToArray(), 10, 100, s => s % 2 == 0);

        Assert.Equal(10, hits.Count);
        Assert.All(hits, h => Assert.Equal(0, h.Slot % 2));
        Assert.Equal(10, hits[0].Slot);
    }
}
