using System.Buffers;
using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii;

/// <summary>Keeps, among overlapping findings, the higher score, then the longer span, then the earlier start (then the recognizer name).</summary>
internal static class OverlapResolver
{
    /// <summary>Reorders <paramref name="findings"/> in place and returns the kept prefix, ordered by start.</summary>
    public static Span<PiiFinding> Resolve(Span<PiiFinding> findings, double minScore)
    {
        findings.Sort(default(ByPreference));
        // The kept spans, ordered by start (they never overlap, so their ends are ordered too): a candidate only has
        // to be compared with its two neighbours, found by binary search. Comparing it with every kept span was
        // quadratic, which a long document with thousands of findings felt.
        var pool = ArrayPool<int>.Shared;
        var starts = pool.Rent(findings.Length);
        var ends = pool.Rent(findings.Length);
        var kept = 0;
        try
        {
            foreach (var candidate in findings)
            {
                if (candidate.Score < minScore)
                    continue;
                var at = LowerBound(starts, kept, candidate.Start);
                var overlaps = (at < kept && starts[at] < candidate.End) || (at > 0 && ends[at - 1] > candidate.Start);
                if (overlaps)
                    continue;
                Array.Copy(starts, at, starts, at + 1, kept - at);
                Array.Copy(ends, at, ends, at + 1, kept - at);
                starts[at] = candidate.Start;
                ends[at] = candidate.End;
                findings[kept++] = candidate;
            }
        }
        finally
        {
            pool.Return(starts);
            pool.Return(ends);
        }
        var result = findings[..kept];
        result.Sort(default(ByStart));
        return result;
    }

    private static int LowerBound(int[] sorted, int count, int value)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
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
