namespace HybridAI.Governance.Pii.Evaluation;

/// <summary>One record of a PII evaluation set: a text and the personal data a person marked in it.</summary>
/// <param name="Text">The text.</param>
/// <param name="Spans">The labelled spans, in any order; empty for a text without personal data.</param>
/// <param name="Line">The 1-based line of the record in its file (0 when it did not come from a file).</param>
public sealed record PiiLabelledText(string Text, IReadOnlyList<PiiSpan> Spans, int Line = 0);
