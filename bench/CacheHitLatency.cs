using System.Diagnostics;
using HybridAI.Generators.Caching;
using HybridAI.Retrieval.Embeddings;
using Microsoft.Extensions.AI;

namespace HybridAI.Benchmarks;

/// <summary>
/// What an answer from <see cref="CachingChatClient"/> costs: latency (p50/p95, one caller) of an exact hit, of a
/// semantic hit (a reworded question matched by hashed n-gram embeddings in the same SQLite file), and of a miss
/// (look-up, inner call, store) over an inner client that answers at once, so only the cache is measured.
/// 2,000 distinct questions are stored first, so look-ups search a realistic table, not an empty one.
/// </summary>
internal static class CacheHitLatency
{
    private const int Stored = 2_000;
    private const int Samples = 4_000;

    public static async Task RunAsync()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hybridai-bench-cache-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using var inner = new InstantAnswer();
            using var embedder = new HashingEmbeddingGenerator();
            using var exact = inner.WithResponseCache(new ResponseCacheOptions(Path.Combine(dir, "exact.db")));
            using var semantic = inner.WithResponseCache(new ResponseCacheOptions(Path.Combine(dir, "semantic.db")) { Embedder = embedder, SimilarityThreshold = 0.8f });

            for (int i = 0; i < Stored; i++)
            {
                await exact.GetResponseAsync(Question(i)).ConfigureAwait(false);
                await semantic.GetResponseAsync(Question(i)).ConfigureAwait(false);
            }

            int next = Stored;
            Report("exact hit", await TimeAsync(i => exact.GetResponseAsync(Question(i % Stored))).ConfigureAwait(false));
            Report("semantic hit (reworded)", await TimeAsync(i => semantic.GetResponseAsync(Reworded(i % Stored))).ConfigureAwait(false));
            Report("miss + store (exact)", await TimeAsync(_ => exact.GetResponseAsync(Question(next++))).ConfigureAwait(false));
            Report("miss + store (semantic)", await TimeAsync(_ => semantic.GetResponseAsync(Unrelated(next++))).ConfigureAwait(false));
            Report("inner client alone", await TimeAsync(i => inner.GetResponseAsync(Question(i))).ConfigureAwait(false));

            ResponseCacheStatistics stats = semantic.Statistics;
            Console.WriteLine($"cache: semantic cache statistics after the run: {stats}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Question(int i) => $"Hello, I was charged twice for order {i} last week, can you refund the duplicate payment?";

    private static readonly string[] Words = ["invoice", "password", "delivery", "warranty", "printer", "subscription", "address", "coupon", "battery", "screen", "login", "parcel", "contract", "refund", "upgrade", "voucher"];

    /// <summary>A question made of other words each time (a different mix of 6 of 16 words plus a number), so a semantic look-up finds no match above the threshold.</summary>
    private static string Unrelated(int i)
    {
        var rng = new Random(i);
        return string.Join(' ', Enumerable.Range(0, 6).Select(_ => Words[rng.Next(Words.Length)])) + $" {rng.Next()} {i}?";
    }

    private static string Reworded(int i) => $"hello, i was charged twice for order {i} last week - could you refund the duplicate payment please";

    private static async Task<double[]> TimeAsync(Func<int, Task<ChatResponse>> call)
    {
        for (int i = 0; i < 200; i++)
        {
            await call(i).ConfigureAwait(false); // warm-up
        }

        var micros = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            long start = Stopwatch.GetTimestamp();
            ChatResponse response = await call(i).ConfigureAwait(false);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (response.Text.Length == 0)
            {
                throw new InvalidOperationException("The cache returned an empty answer.");
            }
        }

        Array.Sort(micros);
        return micros;
    }

    private static void Report(string what, double[] sorted) =>
        Console.WriteLine($"cache: {what,-24} p50 {sorted[sorted.Length / 2],8:F1} µs  p95 {sorted[(int)(sorted.Length * 0.95)],8:F1} µs  ({sorted.Length:N0} calls, one caller)");

    /// <summary>An inner client that answers at once, so the figures are the cache's own cost.</summary>
    private sealed class InstantAnswer : IChatClient
    {
        private static readonly ChatResponse Answer = new(new ChatMessage(ChatRole.Assistant, "We have refunded the duplicate payment; it will show within 5 business days."))
        {
            ModelId = "instant",
            FinishReason = ChatFinishReason.Stop,
        };

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(Answer);

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
