using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using HybridAI.Hosting;
using HybridAI.Tests.Gguf;

namespace HybridAI.Benchmarks;

/// <summary>
/// <c>hybridai serve</c> under load: requests/s and latency percentiles of <c>POST /v1/chat/completions</c>
/// (non-streaming, greedy, a fixed reply length) from N concurrent HTTP clients on loopback, serving the tests' tiny
/// GGUF. The tiny model makes decoding cheap, so the figure is the endpoint's own cost (HTTP, JSON, chat template,
/// context pool) plus a little decoding.
/// </summary>
internal static class ServeThroughput
{
    private const string Body = """
        {"model":"tiny-llama","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Where do llamas live?"}],"temperature":0,"max_tokens":16}
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = BenchArgs.Int(args, "--clients", 16);
        var parallel = BenchArgs.Int(args, "--parallel", Math.Clamp(Environment.ProcessorCount, 1, 8));
        var threads = BenchArgs.Int(args, "--threads", 1);
        var seconds = BenchArgs.Int(args, "--seconds", 10);
        await using var app = HybridAIServer.Build(new HybridAIServerOptions
        {
            ModelPath = TinyLlamaModel.SharedPath,
            ModelId = "tiny-llama",
            Urls = ["http://127.0.0.1:0"],
            ContextSize = 512,
            Threads = threads,
            MaxConcurrentRequests = parallel,
        });
        await app.StartAsync().ConfigureAwait(false);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(app.Urls.First()) };
        Console.WriteLine($"serve: {clients} clients, {parallel} contexts x {threads} thread(s), tiny GGUF, 16 tokens per reply, {seconds} s; load {BenchArgs.LoadAverage()}");

        await LoadAsync(http, clients, TimeSpan.FromSeconds(2)).ConfigureAwait(false); // warm-up: JIT, contexts, connections
        var watch = Stopwatch.StartNew();
        var latencies = await LoadAsync(http, clients, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        var elapsed = watch.Elapsed.TotalSeconds;
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        Console.WriteLine($"{latencies.Count} requests in {elapsed:N1} s: {latencies.Count / elapsed:N1} requests/s, {latencies.Count * 16 / elapsed:N0} generated tokens/s; latency p50 {Percentile(0.50):N1} ms, p95 {Percentile(0.95):N1} ms, max {latencies[^1]:N1} ms");
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<List<double>> LoadAsync(HttpClient http, int clients, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<double>();
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var content = new StringContent(Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                using var response = await http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return mine;
        })).ConfigureAwait(false);
        return perClient.SelectMany(l => l).ToList();
    }
}
