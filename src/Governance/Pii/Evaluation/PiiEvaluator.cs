using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Evaluation;

/// <summary>
/// Scores PII findings against labelled spans: per type (type must match, spans overlap), exact spans (type and both
/// ends must match), and overall with any type (overlap alone). Add records one at a time, then read
/// <see cref="Report"/>. Not thread-safe: use one evaluator per thread and add their reports' rows, or lock.
/// </summary>
/// <example>
/// <code>
/// var report = PiiEvaluator.Evaluate(PiiDetector.CreateDefault(), PiiEvalDataReader.Read("data/pii-eval/pii-eval.jsonl"));
/// foreach (var (type, s) in report.ByType)
///     Console.WriteLine($"{type}: P {s.Precision:F3} R {s.Recall:F3} F2 {s.F2:F3}");
/// Console.WriteLine($"overall F2 {report.Overall.F2:F3}");
/// </code>
/// </example>
public sealed class PiiEvaluator
{
    private readonly Dictionary<string, Counts> _byType = new(StringComparer.Ordinal);
    private readonly List<PiiSpan> _found = new(16);
    private long _records;
    private Counts _overall;

    /// <summary>Runs <paramref name="detector"/> on every record and scores it.</summary>
    public static PiiEvaluationReport Evaluate(IPiiDetector detector, IEnumerable<PiiLabelledText> records)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(records);
        var evaluator = new PiiEvaluator();
        foreach (var record in records)
            evaluator.Add(record.Spans, detector.Detect(record.Text));
        return evaluator.Report();
    }

    /// <summary>Scores one text: <paramref name="expected"/> are its labels, <paramref name="found"/> the detector's findings.</summary>
    public void Add(IReadOnlyList<PiiSpan> expected, IReadOnlyList<PiiFinding> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        _found.Clear();
        for (var i = 0; i < found.Count; i++)
            _found.Add(new PiiSpan(found[i].Type, found[i].Start, found[i].End));
        Add(expected, _found);
    }

    /// <summary>Scores one text whose findings are given as spans (e.g. another tool's output mapped to our types).</summary>
    public void Add(IReadOnlyList<PiiSpan> expected, IReadOnlyList<PiiSpan> found)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(found);
        _records++;
        for (var i = 0; i < expected.Count; i++)
        {
            var label = expected[i];
            var (typed, exact, any) = Match(label, found);
            ref var counts = ref Row(label.Type);
            counts.Expected++;
            counts.MatchedExpected += typed ? 1 : 0;
            counts.ExactExpected += exact ? 1 : 0;
            _overall.Expected++;
            _overall.MatchedExpected += any ? 1 : 0;
        }

        for (var j = 0; j < found.Count; j++)
        {
            var f = found[j];
            var (typed, exact, any) = Match(f, expected);
            ref var counts = ref Row(f.Type);
            counts.Found++;
            counts.MatchedFound += typed ? 1 : 0;
            counts.ExactFound += exact ? 1 : 0;
            _overall.Found++;
            _overall.MatchedFound += any ? 1 : 0;
        }
    }

    /// <summary>Whether any of <paramref name="others"/> overlaps <paramref name="span"/>: with the same type, with the same type and both ends, with any type.</summary>
    private static (bool Typed, bool Exact, bool Any) Match(PiiSpan span, IReadOnlyList<PiiSpan> others)
    {
        bool typed = false, exact = false, any = false;
        for (var k = 0; k < others.Count; k++)
        {
            var o = others[k];
            if (!span.Overlaps(o.Start, o.End))
                continue;
            any = true;
            if (string.Equals(o.Type, span.Type, StringComparison.Ordinal))
            {
                typed = true;
                exact |= o.Start == span.Start && o.End == span.End;
            }
        }
        return (typed, exact, any);
    }

    /// <summary>The scores of every record added so far.</summary>
    public PiiEvaluationReport Report()
    {
        var byType = new SortedDictionary<string, PiiScores>(StringComparer.Ordinal);
        var exactByType = new SortedDictionary<string, PiiScores>(StringComparer.Ordinal);
        PiiScores typed = default, exact = default;
        foreach (var (type, c) in _byType)
        {
            var overlap = new PiiScores(c.Expected, c.Found, c.MatchedExpected, c.MatchedFound);
            var strict = new PiiScores(c.Expected, c.Found, c.ExactExpected, c.ExactFound);
            byType[type] = overlap;
            exactByType[type] = strict;
            typed += overlap;
            exact += strict;
        }

        var overall = new PiiScores(_overall.Expected, _overall.Found, _overall.MatchedExpected, _overall.MatchedFound);
        return new PiiEvaluationReport(_records, byType, exactByType, typed, exact, overall);
    }

    private ref Counts Row(string type) =>
        ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byType, type, out _);

    private struct Counts
    {
        public long Expected;
        public long Found;
        public long MatchedExpected;
        public long MatchedFound;
        public long ExactExpected;
        public long ExactFound;
    }
}
