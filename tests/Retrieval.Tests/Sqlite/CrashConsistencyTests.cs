using System.Diagnostics;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Sqlite;
using Xunit.Abstractions;

namespace HybridAI.Retrieval.Tests.Sqlite;

public sealed class CrashConsistencyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_ingest_killed_at_random_points_always_reopens_with_whole_committed_batches_and_their_vectors()
    {
        string path = _dir.File("crash.db");
        var random = new Random(12345);
        long lastSeenCommitted = 0;
        for (int round = 0; round < 6; round++)
        {
            long reported = await RunAndKillAsync(path, TimeSpan.FromMilliseconds(random.Next(100, 1500)));
            lastSeenCommitted = Math.Max(lastSeenCommitted, reported);

            await using var index = await SqliteDocumentIndex.OpenAsync(path, new SqliteIndexOptions { EmbeddingGenerator = new HashingEmbeddingGenerator() });
            long version = index.CurrentVersion;
            output.WriteLine($"round {round}: child reported version {reported}, reopened at {version}, vector file {new FileInfo(path + ".vectors").Length} bytes");
            Assert.True(version >= lastSeenCommitted, $"version {version} lost a reported commit {lastSeenCommitted}");

            // Every committed batch is whole: five documents with all their chunks (checked on the last batches and a random sample).
            var batches = Enumerable.Range(0, 20).Select(_ => (long)random.Next((int)version)).Concat(Enumerable.Range(1, (int)Math.Min(version, 5)).Select(b => version - b));
            foreach (long batch in batches.Distinct())
            {
                var filter = new Dictionary<string, string> { ["batch"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                var keyword = await index.SearchAsync(new SearchQuery("paragraph document marker") { Filter = filter, Top = 100 });
                string[] documents = [.. keyword.Select(h => h.DocumentId).Distinct()];
                Assert.Equal(5, documents.Length);
                int chunks = 0;
                foreach (string id in documents)
                {
                    chunks += (await index.GetChunksAsync(id)).Count;
                }

                Assert.Equal(chunks, keyword.Count);
            }

            // Each chunk is found by its own vector, including the last committed batch's.
            var sample = await index.SearchAsync(new SearchQuery("paragraph document")
            {
                Top = 100, Filter = new Dictionary<string, string> { ["batch"] = (version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
            Assert.NotEmpty(sample);
            foreach (SearchHit hit in sample.Take(10))
            {
                var byVector = await index.SearchAsync(new SearchQuery(hit.Text) { Mode = SearchMode.Vector, Top = 1 });
                Assert.Equal(hit.ChunkId, byVector[0].ChunkId);
            }

            var later = await index.SearchAsync(new SearchQuery("paragraph") { Filter = new Dictionary<string, string> { ["batch"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
            Assert.Empty(later); // the batch being written when killed left nothing
        }
    }

    private static async Task<long> RunAndKillAsync(string path, TimeSpan after)
    {
        string helper = Path.Combine(AppContext.BaseDirectory, "HybridAI.Retrieval.CrashHelper.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(helper);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        long reported = 0;
        Task reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is string line)
            {
                string[] parts = line.Split(' ');
                if (parts.Length == 3 && parts[0] == "committed")
                {
                    Interlocked.Exchange(ref reported, long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        });

        // Wait for the first commit of this run (startup takes a while), then let it run a random time.
        var deadline = Stopwatch.StartNew();
        long before = Interlocked.Read(ref reported);
        while (Interlocked.Read(ref reported) == before && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }

        await Task.Delay(after);
        process.Kill(); // SIGKILL on Unix: no finally blocks, no flush, no dispose
        await process.WaitForExitAsync();
        await reader;
        return Interlocked.Read(ref reported);
    }
}
