using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii;

/// <summary>Keeps, among overlapping findings, the higher score, then the longer span, then the earlier start (then the recognizer name).</summary>
internal static class OverlapResolver
{
    /// <summary>Reorders <paramref name="findings"/> in place and returns the kept prefix, ordered by start.</summary>
    public static Span<PiiFinding> Resolve(Span<PiiFinding> findings, double minScore)
    {
        findings.Sort(default(ByPreference));
        var kept = 0;
        foreach (var candidate in findings)
        {
            if (candidate.Score < minScore)
                continue;
            var overlaps = false;
            for (var k = 0; k < kept; k++)
            {
                var other = findings[k];
                if (candidate.Start < other.End && other.Start < candidate.End)
                {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps)
                findings[kept++] = candidate;
        }
        var result = findings[..kept];
        result.Sort(default(ByStart));
        return result;
    }

    private readonly struct ByPreference : IComparer<PiiFinding>
    {
        public int Compare(PiiFinding x, PiiFinding y)
        {
            var c = y.Score.CompareTo(x.Score);
            if (c != 0)
                return c;
            c = y.Length.CompareTo(x.Length);
            if (c != 0)
                return c;
            c = x.Start.CompareTo(y.Start);
            // A full tie is broken by name so the result never depends on the sort's instability.
            return c != 0 ? c : string.CompareOrdinal(x.Recognizer, y.Recognizer);
        }
    }

    private readonly struct ByStart : IComparer<PiiFinding>
    {
        public int Compare(PiiFinding x, PiiFinding y) => x.Start.CompareTo(y.Start);
    }
}
