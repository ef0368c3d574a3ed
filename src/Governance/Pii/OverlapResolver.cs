using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii;

/// <summary>Keeps, among overlapping findings, the higher score, then the longer span, then the earlier start (then the recognizer name).</summary>
internal static class OverlapResolver
{
    /// <summary>Reorders <paramref name="findings"/> in place and returns the kept prefix, ordered by start.</summary>
    public static Span<PiiFinding> Resolve(Span<PiiFinding> findings, double minScore)
    {
        findings.Sort(default(ByPreference));
        if (findings.Length > PairwiseLimit)
            return ResolveWithCoverage(findings, minScore);
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

    // Beyond this many findings the pairwise check (quadratic) gives way to a map of covered characters (linear).
    private const int PairwiseLimit = 64;

    private static Span<PiiFinding> ResolveWithCoverage(Span<PiiFinding> findings, double minScore)
    {
        var end = 0;
        foreach (var f in findings)
            end = Math.Max(end, f.End);
        var words = (end + 63) >> 6;
        var covered = System.Buffers.ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            Array.Clear(covered, 0, words);
            var kept = 0;
            foreach (var candidate in findings)
            {
                if (candidate.Score < minScore || IsCovered(covered, candidate.Start, candidate.End))
                    continue;
                for (var i = candidate.Start; i < candidate.End; i++)
                    covered[i >> 6] |= 1UL << (i & 63);
                findings[kept++] = candidate;
            }
            var result = findings[..kept];
            result.Sort(default(ByStart));
            return result;
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(covered);
        }
    }

    private static bool IsCovered(ulong[] covered, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if ((covered[i >> 6] & (1UL << (i & 63))) != 0)
                return true;
        }
        return false;
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
