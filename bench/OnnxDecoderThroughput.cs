using System.Diagnostics;
using HybridAI.Generators.Local;
using HybridAI.Generators.Tests.Local;
using Microsoft.Extensions.AI;

namespace HybridAI.Benchmarks;

/// <summary>
/// The generation loop of <see cref="OnnxDecoderChatClient"/> on the tests' tiny two-layer decoder (random weights, 269
/// tokens, hidden 16): the model costs next to nothing, so the figures are the per-token overhead of the loop (tensor
/// set-up, one ORT run, logits copy, sampling, detokenising, stop filtering), with the key/value cache and without it
/// (the whole sequence re-run each step), and the time to first token.
/// </summary>
internal static class OnnxDecoderThroughput
{
    public static async Task RunAsync()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"hybridai-bench-decoder-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            TinyDecoder.WriteFolder(dir, new TinyDecoder().Build());
            ChatMessage[] prompt = [new(ChatRole.User, string.Join(' ', Enumerable.Repeat("hello world", 20)))];
            foreach (bool cache in (bool[])[true, false])
            {
                using var client = new OnnxDecoderChatClient(new OnnxDecoderOptions { ModelDirectory = dir, UseKeyValueCache = cache, IntraOpThreads = 1 });
                var options = new ChatOptions { MaxOutputTokens = 200, Temperature = 0.8f, TopK = 40, Seed = 1 };
                await client.GetResponseAsync(prompt, options);

                int runs = 0;
                long tokens = 0;
                double firstTokenMs = 0;
                var watch = Stopwatch.StartNew();
                while (watch.ElapsedMilliseconds < 3000)
                {
                    var start = Stopwatch.StartNew();
                    bool first = true;
                    await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(prompt, options))
                    {
                        if (first && update.Text.Length > 0)
                        {
                            firstTokenMs += start.Elapsed.TotalMilliseconds;
                            first = false;
                        }

                        if (update.Contents.OfType<UsageContent>().FirstOrDefault() is { } usage)
                        {
                            tokens += usage.Details.OutputTokenCount ?? 0;
                        }
                    }

                    runs++;
                }

                double perToken = watch.Elapsed.TotalMilliseconds * 1000 / tokens;
                Console.WriteLine($"ONNX decoder, tiny model, {(cache ? "KV cache" : "no cache (full re-run)")}: {tokens / watch.Elapsed.TotalSeconds:N0} output tokens/s ({perToken:F0} µs per token, 200-token replies to a {client.Tokenizer.Encode(client.RenderPrompt(prompt)).Length}-token prompt), time to first token {firstTokenMs / runs:F2} ms");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
