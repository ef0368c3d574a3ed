using System.Diagnostics;
using HybridAI.Generators.Caching;
using HybridAI.Retrieval.Embeddings;
using Microsoft.Extensions.AI;

namespace HybridAI.Benchmarks;

/// <summary>
/// What an answer from <see cref="CachingChatClient"/> costs: latency (p50/p95, one caller) of an exact hit, of a
/// semantic hit (a reworded question matched by hashed n-gram embeddings, 1,024 dimensions, in the same SQLite file),
/// and of misses (look-up, inner call, store) over an inner client that answers at once, so only the cache is
/// measured. Run at 2,000 and 20,000 stored questions. Semantic look-ups are timed twice: "before" reads every row of
/// the partition from SQLite (the store's old scan path, kept for this), "after" searches the in-memory index.
/// Every timed semantic hit is a first-time rewording (its own index, a template per path), so none is an exact hit.
/// </summary>
internal static class CacheHitLatency
{
    private static readonly int[] StoredCounts = [2_000, 20_000];

    public static async Task RunAsync()
    {
        foreach (var stored in StoredCounts)
        {
            await RunAsync(stored).ConfigureAwait(false);
        }
    }

    private static async Task RunAsync(int stored)
    {
        string dir = Path.Combine(Path.GetTempPath(), "hybridai-bench-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using var inner = new InstantAnswer();
            using var embedder = new HashingEmbeddingGenerator();
            using var exact = inner.WithResponseCache(new ResponseCacheOptions(Path.Combine(dir, "exact.db")));
            using var semantic = inner.WithResponseCache(new ResponseCacheOptions(Path.Combine(dir, "semantic.db")) { Embedder = embedder, SimilarityThreshold = 0.8f });
            long fillStart = Stopwatch.GetTimestamp();
            await FillAsync(exact, semantic, embedder, stored).ConfigureAwait(false);
            Console.WriteLine($"cache: {stored:N0} questions stored in each file ({Stopwatch.GetElapsedTime(fillStart).TotalSeconds:F1} s)");

            // Scan-path samples are few: each costs milliseconds to tens of milliseconds.
            int scanSamples = stored >= 20_000 ? 100 : 300;
            int indexSamples = Math.Min(4_000, stored - 200);
            int next = stored;

            Report(stored, "exact hit", null, await TimeAsync(200, 4_000, i => exact.GetResponseAsync(Question(i % stored))).ConfigureAwait(false));

            var afterHit = await TimeHitsAsync(semantic, 200, indexSamples, Reworded).ConfigureAwait(false);
            semantic.Store.ScanForSimilar = true;
            var beforeHit = await TimeHitsAsync(semantic, 10, scanSamples, RewordedAgain).ConfigureAwait(false);
            Report(stored, "semantic hit", beforeHit, afterHit);

            var beforeMiss = await TimeAsync(10, scanSamples, _ => semantic.GetResponseAsync(Unrelated(next++))).ConfigureAwait(false);
            semantic.Store.ScanForSimilar = false;
            var afterMiss = await TimeAsync(50, Math.Min(2_000, stored / 2), _ => semantic.GetResponseAsync(Unrelated(next++))).ConfigureAwait(false);
            Report(stored, "semantic miss + store", beforeMiss, afterMiss);

            Report(stored, "exact miss + store", null, await TimeAsync(200, 4_000, _ => exact.GetResponseAsync(Question(next++))).ConfigureAwait(false));
            Console.WriteLine($"cache: {stored:N0} stored: semantic cache statistics after the run: {semantic.Statistics}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Stores questions 0..<paramref name="count"/> as a miss would (same key, embedding and JSON), but straight into the
    /// stores: filling 20,000 through semantic misses would search a growing table 20,000 times.
    /// </summary>
    private static async Task FillAsync(CachingChatClient exact, CachingChatClient semantic, HashingEmbeddingGenerator embedder, int count)
    {
        string json = CachedResponse.From(await InstantAnswer.Answer.ConfigureAwait(false)).ToJson();
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (int i = 0; i < count; i++)
        {
            ChatMessage[] messages = [new(ChatRole.User, Question(i))];
            CacheKey key = CacheKey.TryCreate(messages, null, null, cacheNondeterministic: false)!;
            var embedding = (await embedder.GenerateAsync([key.LastUserText]).ConfigureAwait(false))[0].Vector;
            await exact.Store.PutAsync(key.Exact, key.Partition, null, json, now, null, default).ConfigureAwait(false);
            await semantic.Store.PutAsync(key.Exact, key.Partition, embedding, json, now, null, default).ConfigureAwait(false);
        }
        // Sanity: a question stored this way is an exact hit through the client.
        await exact.GetResponseAsync(Question(0)).ConfigureAwait(false);
        if (exact.Statistics.ExactHits != 1)
        {
            throw new InvalidOperationException("The filled cache did not answer a stored question.");
        }
    }

    // Distinct indices: warm-up 0..warmUp-1, timed warmUp..warmUp+samples-1; each must be a semantic hit.
    private static async Task<double[]> TimeHitsAsync(CachingChatClient semantic, int warmUp, int samples, Func<int, string> reword)
    {
        long before = semantic.Statistics.SemanticHits;
        double[] micros = await TimeAsync(warmUp, samples, i => semantic.GetResponseAsync(reword(i))).ConfigureAwait(false);
        long hits = semantic.Statistics.SemanticHits - before;
        if (hits != warmUp + samples)
        {
            throw new InvalidOperationException($"Expected {warmUp + samples:N0} semantic hits, got {hits:N0}.");
        }
        return micros;
    }

    private static string Question(int i) => $"Hello, I was charged twice for order {i} last week, can you refund the duplicate payment?";

    private static string Reworded(int i) => $"hello, i was charged twice for order {i} last week - could you refund the duplicate payment please";

    private static string RewordedAgain(int i) => $"Hi, I was charged twice for order {i} last week, can you refund the duplicate payment";

    private static readonly string[] Words = ["invoice", "password", "delivery", "warranty", "printer", "subscription", "address", "coupon", "battery", "screen", "login", "parcel", "contract", "refund", "upgrade", "voucher"];

    /// <summary>A question made of other words each time (a different mix of 6 of 16 words plus a number), so a semantic look-up finds no match above the threshold.</summary>
    private static string Unrelated(int i)
    {
        var rng = new Random(i);
        return string.Join(' ', Enumerable.Range(0, 6).Select(_ => Words[rng.Next(Words.Length)])) + $" {rng.Next()} {i}?";
    }

    /// <summary>Calls with indices 0..warmUp-1 untimed, then times indices warmUp..warmUp+samples-1; sorted microseconds.</summary>
    private static async Task<double[]> TimeAsync(int warmUp, int samples, Func<int, Task<ChatResponse>> call)
    {
        for (int i = 0; i < warmUp; i++)
        {
            await call(i).ConfigureAwait(false);
        }

        var micros = new double[samples];
        for (int i = 0; i < samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            ChatResponse response = await call(warmUp + i).ConfigureAwait(false);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (response.Text.Length == 0)
            {
                throw new InvalidOperationException("The cache returned an empty answer.");
            }
        }

        Array.Sort(micros);
        return micros;
    }

    private static void Report(int stored, string what, double[]? before, double[] after)
    {
        string was = before is null ? "" : $"  before (scan): p50 {Format(P(before, 0.5))} p95 {Format(P(before, 0.95))} ({before.Length:N0} calls);  x{P(before, 0.5) / P(after, 0.5):F0} at p50";
        Console.WriteLine($"cache: {stored,6:N0} stored  {what,-22} p50 {Format(P(after, 0.5))} p95 {Format(P(after, 0.95))} ({after.Length:N0} calls){was}");
    }

    private static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))];

    private static string Format(double micros) => micros >= 1_000 ? $"{micros / 1_000,7:F2} ms" : $"{micros,7:F1} µs";

    /// <summary>An inner client that answers at once, so the figures are the cache's own cost.</summary>
    private sealed class InstantAnswer : IChatClient
    {
        public static readonly Task<ChatResponse> Answer = Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "We have refunded the duplicate payment; it will show within 5 business days."))
        {
            ModelId = "instant",
            FinishReason = ChatFinishReason.Stop,
        });

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Answer;

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
