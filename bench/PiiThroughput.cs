using System.Diagnostics;
using System.Globalization;
using System.Text;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Pii.Evaluation;

namespace HybridAI.Benchmarks;

/// <summary>
/// PII detection on the labelled evaluation set (data/pii-eval/pii-eval.jsonl, English, French, some German): the
/// per-type precision/recall/F2 of <see cref="PiiDetector.CreateDefault"/> and its single-thread throughput in MB/s
/// (UTF-8 bytes of the texts) with exactly that configuration; then redact-pii (bench/peers/redact-pii, when
/// installed) on the same records in the same run, its findings scored by the same <see cref="PiiEvaluator"/>.
/// </summary>
internal static class PiiThroughput
{
    public static int Run()
    {
        var data = Path.Combine(BenchArgs.RepositoryRoot(), "data", "pii-eval", "pii-eval.jsonl");
        var records = PiiEvalDataReader.Read(data).ToList();
        var texts = records.Select(r => r.Text).ToArray();
        long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"{records.Count} records (en-US, en-GB, fr-FR, de-DE), {bytes:N0} UTF-8 bytes; load {BenchArgs.LoadAverage()}");

        var detector = PiiDetector.CreateDefault();
        var ours = PiiEvaluator.Evaluate(detector, records);
        Print("HybridAI PiiDetector.CreateDefault()", ours);

        double perRecord = Throughput(detector, texts, bytes);
        string whole = string.Join("\n\n", texts);
        double oneDocument = Throughput(detector, [whole], Encoding.UTF8.GetByteCount(whole));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HybridAI throughput, MB per CPU-second of the detecting thread: {perRecord:F2} MB/s record by record, {oneDocument:F2} MB/s as one {whole.Length / 1024} KiB document"));

        PrintPerRecognizer(detector, texts, bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(the per-recognizer figures are measured alone; together: {perRecord:F2} MB/s)"));

        var peer = RunPeer(data, records);
        if (peer is { } p)
        {
            Print("redact-pii 3.4.0 (SyncRedactor defaults)", p.Report);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"redact-pii throughput, 1 thread: {p.MegabytesPerSecond:F2} MB/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio HybridAI / redact-pii: throughput {perRecord / p.MegabytesPerSecond:F1}x, overall F2 {ours.Overall.F2:F3} vs {p.Report.Overall.F2:F3}, typed F2 {ours.Typed.F2:F3} vs {p.Report.Typed.F2:F3}"));
        }

        return 0;
    }

    /// <summary>
    /// MB per second of the calling thread's CPU time (so a loaded machine does not lower it; wall time would), after
    /// a warm-up long enough for tiered JIT to have recompiled the hot paths (one pass is not: the first seconds run
    /// tier-0 code at a fifth of the speed).
    /// </summary>
    private static double Throughput(PiiDetector detector, string[] texts, long bytes) =>
        Measure(texts, bytes, t => detector.Detect(t), warmUpSeconds: 3, seconds: 3);

    private static double Measure(string[] texts, long bytes, Action<string> body, double warmUpSeconds, double seconds)
    {
        var warm = Stopwatch.StartNew();
        do
        {
            foreach (var t in texts)
                body(t);
        }
        while (warm.Elapsed.TotalSeconds < warmUpSeconds);
        long passes = 0;
        var cpu = ThreadCpu.Now();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var t in texts)
                body(t);
            passes++;
        }
        return bytes * passes / (ThreadCpu.Now() - cpu).TotalSeconds / 1e6;
    }

    /// <summary>Each recognizer alone, record by record: where the detector's time goes.</summary>
    private static void PrintPerRecognizer(PiiDetector detector, string[] texts, long bytes)
    {
        Console.WriteLine("per recognizer, MB per CPU-second, record by record:");
        var findings = new List<HybridAI.Abstractions.Privacy.PiiFinding>();
        foreach (var recognizer in detector.Recognizers)
        {
            var rate = Measure(texts, bytes, t =>
            {
                findings.Clear();
                recognizer.Recognize(t, findings);
            }, warmUpSeconds: 0.5, seconds: 0.5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {recognizer.Name,-28} {rate,9:F1} MB/s"));
        }
    }

    private static void Print(string title, PiiEvaluationReport report)
    {
        Console.WriteLine();
        Console.WriteLine(title + " (type must match, spans overlap; exact = both ends too):");
        Console.WriteLine($"  {"type",-13} {"labelled",8} {"found",6} {"P",6} {"R",6} {"F2",6}   {"exact P",7} {"R",6} {"F2",6}");
        foreach (var (type, s) in report.ByType)
        {
            var e = report.ExactByType[type];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-13} {s.Expected,8} {s.Found,6} {s.Precision,6:F3} {s.Recall,6:F3} {s.F2,6:F3}   {e.Precision,7:F3} {e.Recall,6:F3} {e.F2,6:F3}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"(all, typed)",-13} {report.Typed.Expected,8} {report.Typed.Found,6} {report.Typed.Precision,6:F3} {report.Typed.Recall,6:F3} {report.Typed.F2,6:F3}   {report.Exact.Precision,7:F3} {report.Exact.Recall,6:F3} {report.Exact.F2,6:F3}"));
        var o = report.Overall;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  overall (any type): precision {o.Precision:F3} recall {o.Recall:F3} f1 {o.F1:F3} f2 {o.F2:F3}"));
    }

    private static (PiiEvaluationReport Report, double MegabytesPerSecond)? RunPeer(string data, List<PiiLabelledText> records)
    {
        var folder = Path.Combine(BenchArgs.RepositoryRoot(), "bench", "peers", "redact-pii");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "redact-pii")))
        {
            Console.WriteLine("redact-pii: skipped, not installed (cd bench/peers/redact-pii && npm ci --ignore-scripts)");
            return null;
        }

        var findings = Path.Combine(Path.GetTempPath(), $"hybridai-redact-pii-{Environment.ProcessId}.jsonl");
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(folder, "pii-peer.mjs"), data, findings]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEnd();
            var errors = node.StandardError.ReadToEnd();
            node.WaitForExit();
            Console.WriteLine();
            Console.Write(output);
            // "redact-pii: RECORDS records, BYTES bytes, MBPS MB/s"
            var parts = output.Trim().Split(' ');
            if (node.ExitCode != 0 || parts.Length < 7 || !double.TryParse(parts[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            {
                Console.WriteLine($"redact-pii: failed (exit {node.ExitCode}) {errors.Trim()}");
                return null;
            }

            // Its findings, one line per record in the same order, read back as labelled texts and scored as ours are.
            var peerSpans = PiiEvalDataReader.Read(new StringReader(string.Join('\n',
                File.ReadLines(findings).Select((line, i) => "{\"text\":" + System.Text.Json.JsonSerializer.Serialize(records[i].Text) + "," + line[1..]))), findings).ToList();
            var evaluator = new PiiEvaluator();
            for (var i = 0; i < records.Count; i++)
                evaluator.Add(records[i].Spans, peerSpans[i].Spans);
            return (evaluator.Report(), rate);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("redact-pii: skipped, node is not installed");
            return null;
        }
        finally
        {
            File.Delete(findings);
        }
    }
}
