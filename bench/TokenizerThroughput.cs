using System.Diagnostics;
using HybridAI.Generators.Tokenization;
using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;

namespace HybridAI.Benchmarks;

/// <summary>
/// Single-thread tokens/s of <see cref="TiktokenEncoding"/> (cl100k_base, o200k_base) counting the ticket texts of
/// scenario 01 (English and French subjects and bodies), against js-tiktoken on the same texts in the same run
/// (bench/peers/js-tiktoken/encode-throughput.mjs). Also the load time and the first pass with an empty piece cache,
/// and a check that both count the same number of tokens.
/// </summary>
internal static class TokenizerThroughput
{
    public static void Run()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        string[] texts = [.. data.Train.Concat(data.Golden).Select(t => t.Subject + "\n\n" + t.Body)];
        long chars = texts.Sum(t => (long)t.Length);
        Console.WriteLine($"{texts.Length} ticket texts, {chars:N0} chars");
        string corpus = Path.Combine(Path.GetTempPath(), $"hybridai-tokens-corpus-{Environment.ProcessId}.txt");
        File.WriteAllText(corpus, string.Join('\u0000', texts));
        try
        {
            var ours = new Dictionary<string, (long Tokens, double PerSecond)>();
            foreach (string name in (string[])[TiktokenEncoding.Cl100kBase, TiktokenEncoding.O200kBase])
            {
                var load = Stopwatch.StartNew();
                TiktokenEncoding encoding = TiktokenEncoding.FromFile(TiktokenData.PathOf(name), name);
                double loadMs = load.Elapsed.TotalMilliseconds;
                var first = Stopwatch.StartNew();
                long tokens = Count(encoding, texts);
                double firstPass = tokens / first.Elapsed.TotalSeconds;
                long total = 0;
                var watch = Stopwatch.StartNew();
                while (watch.ElapsedMilliseconds < 3000)
                {
                    total += Count(encoding, texts);
                }

                double perSecond = total / watch.Elapsed.TotalSeconds;
                ours[name] = (tokens, perSecond);
                Console.WriteLine($"HybridAI {name}: {tokens:N0} tokens, {perSecond:N0} tokens/s ({chars * (total / (double)tokens) / watch.Elapsed.TotalSeconds / 1e6:F1} M chars/s); first pass {firstPass:N0} tokens/s; load {loadMs:N0} ms");
            }

            RunPeer(corpus, ours);
        }
        finally
        {
            File.Delete(corpus);
        }
    }

    private static long Count(TiktokenEncoding encoding, string[] texts)
    {
        long tokens = 0;
        foreach (string text in texts)
        {
            tokens += encoding.CountTokens(text);
        }

        return tokens;
    }

    private static void RunPeer(string corpus, Dictionary<string, (long Tokens, double PerSecond)> ours)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "peers", "js-tiktoken", "encode-throughput.mjs");
        var start = new ProcessStartInfo("node", [Path.GetFullPath(script), corpus]) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using Process node = Process.Start(start)!;
            string output = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Console.WriteLine(line);
                // "js-tiktoken NAME: TOKENS tokens, N tokens/s, load MS ms"
                string[] parts = line.Split(' ');
                string name = parts[1].TrimEnd(':');
                if (ours.TryGetValue(name, out var mine) && long.TryParse(parts[2], out long peerTokens) && double.TryParse(parts[4], out double peerRate))
                {
                    Console.WriteLine($"  {name}: HybridAI / js-tiktoken = {mine.PerSecond / peerRate:F2}x; token counts {(peerTokens == mine.Tokens ? "equal" : $"DIFFER ({mine.Tokens} vs {peerTokens})")}");
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("js-tiktoken: skipped, node is not installed");
        }
    }
}
