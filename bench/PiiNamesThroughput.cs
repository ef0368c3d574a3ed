using System.Diagnostics;
using System.Text;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;

namespace HybridAI.Benchmarks;

/// <summary>
/// Single-thread MB/s (UTF-8 bytes of input) of PII detection over the English and French tickets of scenario 01:
/// the default detector as it was (first-name list recognizer), as it is now (NamesAndPlaces tagger), and the
/// NamesAndPlaces recognizer alone; with bytes allocated per ticket.
/// </summary>
internal static class PiiNamesThroughput
{
    public static void Run()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        string[] texts = [.. data.Train.Concat(data.Golden).Select(t => t.Subject + "\n\n" + t.Body)];
        var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"{texts.Length} ticket texts, {bytes / 1e6:F2} MB UTF-8");
        var before = new PiiDetector(PiiRecognizers.All().Select(r => r.Name == "names-tagger" ? PiiRecognizers.PersonNameFromFirstName() : r));
        var after = PiiDetector.CreateDefault();
        var names = PiiRecognizers.NamesAndPlaces();
        var scratch = new List<PiiFinding>();
        (string Label, Func<string, int> Detect)[] runs =
        [
            ("detector before (first-name list)", t => before.Detect(t).Count),
            ("detector now (names tagger)", t => after.Detect(t).Count),
            ("NamesAndPlaces alone", t =>
            {
                scratch.Clear();
                names.Recognize(t, scratch);
                return scratch.Count;
            }),
        ];
        // Rounds interleave the runs and the best round counts, so a busy machine skews them alike.
        var best = new double[runs.Length];
        for (var round = 0; round < 3; round++)
        {
            for (var r = 0; r < runs.Length; r++)
                best[r] = Math.Max(best[r], Measure(runs[r].Label, texts, bytes, runs[r].Detect));
        }
        for (var r = 0; r < runs.Length; r++)
            Console.WriteLine($"best {runs[r].Label}: {best[r]:F1} MB/s");
    }

    private static double Measure(string label, string[] texts, long bytes, Func<string, int> detect)
    {
        long found = 0;
        foreach (var t in texts)
            found += detect(t); // warm-up: loads the model and gazetteers, JITs
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var passes = 0;
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 1500)
        {
            foreach (var t in texts)
                found += detect(t);
            passes++;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var perTicket = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)(passes * texts.Length);
        var mbPerSecond = bytes * passes / seconds / 1e6;
        Console.WriteLine($"{label}: {mbPerSecond:F1} MB/s, {perTicket:F0} B allocated per ticket, {found / (passes + 1) / (double)texts.Length:F2} findings per ticket");
        return mbPerSecond;
    }
}
