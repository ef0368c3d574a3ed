using HybridAI.Retrieval.Vectors;

namespace HybridAI.Retrieval.Tests.Vectors;

/// <summary>Searches share the graph with inserts: each thread has its own scratch, inserts take the write lock.</summary>
public sealed class HnswGraphConcurrencyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Searches_on_four_threads_while_the_graph_grows_return_well_formed_results_and_the_graph_stays_exact_for_its_own_vectors()
    {
        float[][] vectors = ExactVectorSearchTests.RandomUnitVectors(3000, 24, seed: 31);
        using VectorFile file = ExactVectorSearchTests.FileOf(_dir.File("c.vectors"), vectors);
        using var graph = new HnswGraph(file);
        graph.AddUpTo(100);
        using var stop = new CancellationTokenSource();
        int total = 0;
        Task<int>[] searchers = [.. Enumerable.Range(0, 4).Select(t => Task.Factory.StartNew(() =>
        {
            int searches = 0;
            var random = new Random(t);
            while (!stop.IsCancellationRequested)
            {
                var hits = graph.Search(vectors[random.Next(vectors.Length)], 10, 40, s => s % 7 != t);
                Assert.Equal(hits.Count, hits.Select(h => h.Slot).Distinct().Count());
                Assert.All(hits, h => Assert.NotEqual(t, h.Slot % 7));
                Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
                searches++;
                Interlocked.Increment(ref total);
            }

            return searches;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];

        // Each growth step waits for a few searches, so that inserts and searches really interleave on a busy machine.
        for (int count = 200; count <= vectors.Length; count += 100)
        {
            int before = Volatile.Read(ref total);
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref total) >= before + 4, TimeSpan.FromSeconds(30)), "the searchers stopped making progress");
            graph.AddUpTo(count);
        }

        await stop.CancelAsync();
        int[] done = await Task.WhenAll(searchers);

        Assert.All(done, n => Assert.True(n > 0));
        int selfFound = Enumerable.Range(0, vectors.Length).Count(i => graph.Search(vectors[i], 1, 64, null)[0].Slot == i);
        Assert.True(selfFound >= vectors.Length * 0.99, $"{selfFound} of {vectors.Length} vectors found themselves first");
    }
}
