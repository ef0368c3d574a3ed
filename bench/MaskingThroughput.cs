using System.Diagnostics;
using System.Text;
using System.Text.Json;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;

namespace HybridAI.Benchmarks;

/// <summary>
/// MB/s of each anonymization operator over scenario 01's tickets (detection included, and alone), and what streaming
/// costs: the same text pushed in model-sized chunks through a <see cref="StreamingAnonymizer"/>, per chunk and as a
/// ratio to anonymizing the whole text at once.
/// </summary>
internal static class MaskingThroughput
{
    public static void Run(string[] args)
    {
        var megabytes = BenchArgs.Int(args, "--mb", 8);
        var chunk = BenchArgs.Int(args, "--chunk", 16);
        var text = Corpus(megabytes);
        var mb = text.Length * 2 / (1024.0 * 1024.0); // UTF-16 bytes, as held in memory
        var folder = Directory.CreateTempSubdirectory("hybridai-masking-").FullName;
        try
        {
            using var keys = new PiiKeyVault(Path.Combine(folder, "keys.db"), PiiKeyVault.CreateMasterKey());
            var detector = PiiDetector.CreateDefault();
            Console.WriteLine($"masking: {text.Length / 1e6:F1} M chars ({mb:F1} MB UTF-16) of scenario-01 tickets; load {BenchArgs.LoadAverage()}");

            IReadOnlyList<PiiFinding> found = [];
            var detect = Time(() => found = detector.Detect(text));
            var findings = found.Count;
            var known = new KnownFindings(text, found);
            Console.WriteLine($"  detect only        {mb / detect,8:F1} MB/s  ({findings:N0} findings)");

            double replace = 0;
            foreach (var (name, op) in new (string, PiiOperator)[]
            {
                ("replace", PiiOperator.Replace()), ("mask", PiiOperator.Mask()), ("redact", PiiOperator.Redact()),
                ("hash", PiiOperator.Hash()), ("encrypt", PiiOperator.Encrypt()),
            })
            {
                // Encrypt: every value is its own subject here (no subject given), the worst case: one key per value.
                var anonymizer = new Anonymizer(detector, new AnonymizerOptions { Default = op }, keys);
                var seconds = Time(() => anonymizer.Anonymize(text, new PiiVault()));
                var alone = Time(() => new Anonymizer(known, new AnonymizerOptions { Default = op }, keys).Anonymize(text, new PiiVault()));
                replace = name == "replace" ? seconds : replace;
                Console.WriteLine($"  {name,-18} {mb / seconds,8:F1} MB/s with detection; operator alone {mb / alone,8:F1} MB/s = {alone / findings * 1e6,6:F2} us/value");
            }

            var streaming = new Anonymizer(detector);
            var chunks = 0;
            var stream = Time(() =>
            {
                var s = streaming.BeginStream(new PiiVault());
                for (var i = 0; i < text.Length; i += chunk)
                {
                    s.Push(text.AsSpan(i, Math.Min(chunk, text.Length - i)));
                    chunks++;
                }
                s.Complete();
            });
            Console.WriteLine($"  streaming replace  {mb / stream,8:F1} MB/s  ({chunk}-char chunks: {stream / chunks * 1e6:F2} us/chunk, {stream / replace:F2}x the whole-text time; hold-back {StreamingAnonymizer.DefaultHoldBack})");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The best of three timed runs after a warm-up (JIT, regex caches, key creation): the machine is shared.</summary>
    private static double Time(Action action)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    /// <summary>Findings computed once, so an operator's own cost can be timed apart from detection.</summary>
    private sealed class KnownFindings(string text, IReadOnlyList<PiiFinding> findings) : IPiiDetector
    {
        public IReadOnlyList<PiiFinding> Detect(string input) => ReferenceEquals(input, text) ? findings : [];
    }

    private static string Corpus(int megabytes)
    {
        var data = Path.Combine(BenchArgs.RepositoryRoot(), "samples", "scenarios", "01-ticket-triage", "data");
        var tickets = new List<string>();
        foreach (var file in new[] { "tickets.train.jsonl", "tickets.golden.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(data, file)))
            {
                var r = JsonDocument.Parse(line).RootElement;
                tickets.Add(r.GetProperty("subject").GetString() + "\n" + r.GetProperty("body").GetString() + "\n\n");
            }
        }
        var text = new StringBuilder(megabytes * 1024 * 1024 / 2 + 4096);
        for (var i = 0; text.Length < megabytes * 1024 * 1024 / 2; i++)
            text.Append(tickets[i % tickets.Count]);
        return text.ToString();
    }
}
