using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HybridAI.Native.LlamaCpp;
using HybridAI.Tests.Gguf;

namespace HybridAI.Benchmarks;

/// <summary>
/// Prompt processing and generation tokens/s and time to first token of the llama.cpp binding, against
/// node-llama-cpp (bench/peers/node-llama-cpp) over the same prebuilt natives, in the same run and on the same
/// GGUF files and prompt tokens: the tiny test model (overhead-bound) and a ~300 MB random-weight llama of a real
/// shape (n_embd 768, 4 layers, compute-bound). Greedy decoding. The two sides alternate for several rounds (so a
/// change in machine load hits both), and the median over all runs of each side is reported. Flash attention is off
/// on both sides (node-llama-cpp's default).
/// </summary>
internal static class LlamaThroughput
{
    private const int PromptTokens = 128;
    private const int GeneratedTokens = 64;
    private const int Runs = 5;
    private const int Rounds = 3;

    public static int Run(string[] args)
    {
        var threads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : Math.Clamp(Environment.ProcessorCount, 1, 8);
        var big = Path.Combine(Path.GetTempPath(), "hybridai-bench-llama-768x4-v1.gguf");
        if (!File.Exists(big))
        {
            var watch = Stopwatch.StartNew();
            TinyLlamaModel.Write(big + ".partial", embedding: 768, layers: 4, heads: 12, feedForward: 2048, seed: 7);
            File.Move(big + ".partial", big, overwrite: true);
            Console.WriteLine($"wrote {big} ({new FileInfo(big).Length / 1e6:N0} MB) in {watch.Elapsed.TotalSeconds:N1} s");
        }

        Console.WriteLine($"threads {threads}, prompt {PromptTokens} tokens, {GeneratedTokens} generated (greedy), {Rounds} alternating rounds of {Runs} runs, medians");
        foreach (var (name, path) in new[] { ("tiny (64x2)", TinyLlamaModel.SharedPath), ("300 MB (768x4)", big) })
        {
            var prompt = PromptOf(path);
            var tokensFile = Path.Combine(Path.GetTempPath(), $"hybridai-bench-prompt-{Environment.ProcessId}.json");
            File.WriteAllText(tokensFile, JsonSerializer.Serialize(prompt));
            var ourRounds = new List<Figures>();
            var peerRounds = new List<Figures>();
            for (var round = 0; round < Rounds; round++)
            {
                ourRounds.Add(Ours(path, prompt, threads));
                if (Peer(path, tokensFile, threads) is { } p)
                {
                    peerRounds.Add(p);
                }
            }

            File.Delete(tokensFile);
            var ours = Figures.Median(ourRounds);
            var peer = peerRounds.Count > 0 ? Figures.Median(peerRounds) : null;
            Print(name, "HybridAI (C#)", ours, null);
            if (peer is not null)
            {
                Print(name, "node-llama-cpp", peer, null);
                Print(name, "ratio C#/node", ours, peer);
            }
        }

        return 0;
    }

    private static int[] PromptOf(string path)
    {
        using var model = LlamaModel.Load(path);
        var text = string.Join(" ", Enumerable.Repeat("The llama is a domesticated South American camelid, used as a pack animal.", 20));
        return model.Tokenize(text)[..PromptTokens];
    }

    private static Figures Ours(string path, int[] prompt, int threads)
    {
        using var model = LlamaModel.Load(path);
        using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 1024, BatchSize = 512, Threads = threads, FlashAttention = false });
        var options = new LlamaGenerationOptions { MaxTokens = GeneratedTokens + 1, Sampling = new LlamaSamplingOptions { Temperature = 0 } };
        var runs = new List<Figures>();
        for (var r = 0; r <= Runs; r++) // the first run warms up
        {
            context.Reset();
            var watch = Stopwatch.StartNew();
            context.Evaluate(prompt);
            var promptSeconds = watch.Elapsed.TotalSeconds;

            context.Reset();
            watch.Restart();
            double first = 0;
            var n = 0;
            foreach (var _ in context.Generate(prompt, options))
            {
                if (n++ == 0)
                {
                    first = watch.Elapsed.TotalSeconds;
                }
            }

            var total = watch.Elapsed.TotalSeconds;
            if (r > 0)
            {
                runs.Add(new Figures(PromptTokens / promptSeconds, (n - 1) / (total - first), first * 1000));
            }
        }

        return Figures.Median(runs);
    }

    private static Figures? Peer(string path, string tokensFile, int threads)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "bench", "peers", "node-llama-cpp");
        folder = Directory.Exists(folder) ? folder : Path.Combine(Directory.GetCurrentDirectory(), "bench", "peers", "node-llama-cpp");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "node-llama-cpp")))
        {
            Console.WriteLine($"node-llama-cpp: skipped, not installed (cd {folder} && npm install --ignore-scripts)");
            return null;
        }

        var start = new ProcessStartInfo("node", [Path.Combine(folder, "llama.mjs"), path, tokensFile, threads.ToString(CultureInfo.InvariantCulture),
            (GeneratedTokens + 1).ToString(CultureInfo.InvariantCulture), Runs.ToString(CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd();
        var errors = node.StandardError.ReadToEnd();
        node.WaitForExit();
        if (node.ExitCode != 0)
        {
            Console.WriteLine($"node-llama-cpp: failed (exit {node.ExitCode}): {errors.Trim()}");
            return null;
        }

        var last = output.Trim().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        var e = json.RootElement;
        return new Figures(e.GetProperty("promptTps").GetDouble(), e.GetProperty("genTps").GetDouble(), e.GetProperty("ttftMs").GetDouble());
    }

    private static void Print(string model, string who, Figures a, Figures? b)
    {
        if (b is null)
        {
            Console.WriteLine($"{model,-15} {who,-15} prompt {a.PromptTps,9:N0} tok/s   generation {a.GenerationTps,8:N1} tok/s ({1000 / a.GenerationTps,6:N2} ms/token)   first token {a.FirstTokenMs,7:N1} ms");
        }
        else
        {
            Console.WriteLine($"{model,-15} {who,-15} prompt {a.PromptTps / b.PromptTps,8:N3}x   generation {a.GenerationTps / b.GenerationTps,8:N3}x   first token {b.FirstTokenMs / a.FirstTokenMs,8:N3}x (higher is faster)");
        }
    }

    private sealed record Figures(double PromptTps, double GenerationTps, double FirstTokenMs)
    {
        public static Figures Median(List<Figures> runs) => new(
            runs.Select(r => r.PromptTps).Order().ElementAt(runs.Count / 2),
            runs.Select(r => r.GenerationTps).Order().ElementAt(runs.Count / 2),
            runs.Select(r => r.FirstTokenMs).Order().ElementAt(runs.Count / 2));
    }
}
