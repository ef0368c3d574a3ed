using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Tests.Pii;

public class OverlapResolutionTests
{
    [Fact]
    public void Many_overlapping_findings_resolve_as_the_one_by_one_comparison_does()
    {
        var rng = new Random(7);
        var findings = Enumerable.Range(0, 3000)
            .Select(i => new PiiFinding("T" + (i % 3), rng.Next(0, 20_000), rng.Next(1, 40), Math.Round(rng.NextDouble(), 2), "r" + (i % 5)))
            .ToList();
        var detector = new PiiDetector([new Fixed(findings)], minScore: 0.3);

        var actual = detector.Detect(new string('x', 20_100));

        Assert.Equal(Naive(findings, 0.3), actual);
    }

    // The definition: best first (score, then length, then start, then name), each kept unless it overlaps one kept before.
    private static List<PiiFinding> Naive(List<PiiFinding> findings, double minScore)
    {
        var kept = new List<PiiFinding>();
        foreach (var f in findings.Where(f => f.Score >= minScore)
                     .OrderByDescending(f => f.Score).ThenByDescending(f => f.Length).ThenBy(f => f.Start).ThenBy(f => f.Recognizer, StringComparer.Ordinal))
        {
            if (!kept.Any(k => f.Start < k.End && k.Start < f.End))
                kept.Add(f);
        }
        return [.. kept.OrderBy(f => f.Start)];
    }

    private sealed class Fixed(List<PiiFinding> findings) : IPiiRecognizer
    {
        public string Name => "fixed";

        public void Recognize(string text, List<PiiFinding> found) => found.AddRange(findings);
    }
}
