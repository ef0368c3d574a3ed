using System.Diagnostics;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;

namespace HybridAI.Benchmarks;

/// <summary>
/// Single-thread embeddings/s of the two model-free embedders over short texts (ticket subjects, 3-8 words):
/// the hashed n-gram embedder (1024 dims) and the SIF word-vector embedder on the real wink/GloVe vectors (100 dims;
/// converted into the deps cache on first use, which is timed separately).
/// </summary>
internal static class EmbeddingThroughput
{
    public static void Run()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        string[] texts = [.. data.Train.Concat(data.Golden).Select(t => t.Subject)];
        Console.WriteLine($"{texts.Length} short texts, mean {texts.Average(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length):F1} words");

        using var hashing = new HashingEmbeddingGenerator();
        Measure("hashing n-grams, 1024 dims", texts, hashing.Dimensions, hashing.Embed);

        if (!File.Exists(WinkWordVectors.BinaryPath) && !File.Exists(WinkWordVectors.JsonPath))
        {
            Console.WriteLine($"word vectors: skipped, {WinkWordVectors.JsonPath} is missing (run eng/fetch-deps.sh)");
            return;
        }

        var open = Stopwatch.StartNew();
        bool converting = !File.Exists(WinkWordVectors.BinaryPath);
        using var vectors = WinkWordVectors.Open();
        Console.WriteLine($"word vectors: {(converting ? "converted and opened" : "opened (checksum verified)")} in {open.Elapsed.TotalMilliseconds:N0} ms");
        using var sif = new WordVectorEmbeddingGenerator(vectors);
        Measure("SIF word vectors, 100 dims", texts, sif.Dimensions, sif.Embed);
        using var mean = new WordVectorEmbeddingGenerator(vectors, new WordVectorEmbeddingOptions { Weighting = WordWeighting.Uniform, RemoveCommonComponent = false });
        Measure("plain-average word vectors", texts, mean.Dimensions, mean.Embed);
    }

    private delegate void EmbedInto(ReadOnlySpan<char> text, Span<float> destination);

    private static void Measure(string name, string[] texts, int dimensions, EmbedInto embed)
    {
        var destination = new float[dimensions];
        foreach (string t in texts)
        {
            embed(t, destination);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long n = 0;
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 3000)
        {
            foreach (string t in texts)
            {
                embed(t, destination);
            }

            n += texts.Length;
        }

        double perSecond = n / watch.Elapsed.TotalSeconds;
        double bytesPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)n;
        Console.WriteLine($"{name}, short texts, 1 thread: {perSecond:N0} embeddings/s ({1e6 / perSecond:F1} µs each, {bytesPerCall:F0} B allocated per call)");
    }
}
