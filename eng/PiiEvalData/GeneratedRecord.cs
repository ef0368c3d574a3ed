namespace HybridAI.PiiEvalData;

/// <summary>One labelled span: <c>[Start, End)</c> of the record's text.</summary>
public readonly record struct LabelledSpan(string Type, int Start, int End);

/// <summary>One record of the evaluation set, with the source values it drew (not written, kept for the disjointness check).</summary>
public sealed record GeneratedRecord(string Id, Locale Locale, string Text, IReadOnlyList<LabelledSpan> Spans, IReadOnlyList<string> SourceValues);
