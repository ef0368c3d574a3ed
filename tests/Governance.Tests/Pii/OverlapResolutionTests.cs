using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Tests.Pii;

/// <summary>Many overlapping findings (the linear path of the resolver) keep exactly what the pairwise rule keeps.</summary>
public class OverlapResolutionTests
{
    private sealed class RandomSpans(int seed, int count) : IPiiRecognizer
    {
        public string Name => "random";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            var random = new Random(seed);
            for (var i = 0; i < count; i++)
            {
                var start = random.Next(text.Length - 1);
                var length = random.Next(1, Math.Min(40, text.Length - start) + 1);
                findings.Add(new PiiFinding("T" + random.Next(3), start, length, Math.Round(random.NextDouble(), 2), "r" + random.Next(4)));
            }
        }
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 65)]
    [InlineData(3, 500)]
    [InlineData(4, 5000)]
    public void Keeps_the_preferred_non_overlapping_findings(int seed, int count)
    {
        var text = new string('x', 3000);
        var recognizer = new RandomSpans(seed, count);
        var candidates = new List<PiiFinding>();
        recognizer.Recognize(text, candidates);

        var expected = Reference(candidates, PiiDetector.DefaultMinScore);
        var actual = new PiiDetector([recognizer]).Detect(text);

        Assert.Equal(expected, actual);
        Assert.True(expected.Count > 0);
    }

    /// <summary>The rule as written: best score, then longer, then earlier, then recognizer name; skip what overlaps a kept one.</summary>
    private static List<PiiFinding> Reference(List<PiiFinding> candidates, double minScore)
    {
        var kept = new List<PiiFinding>();
        foreach (var c in candidates.Where(c => c.Score >= minScore)
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Length).ThenBy(c => c.Start).ThenBy(c => c.Recognizer, StringComparer.Ordinal))
        {
            if (!kept.Any(k => c.Start < k.End && k.Start < c.End))
                kept.Add(c);
        }
        return [.. kept.OrderBy(k => k.Start)];
    }
}
