namespace HybridAI.Governance.Pii.Evaluation;

/// <summary>The result of a PII evaluation.</summary>
/// <param name="Records">Records evaluated.</param>
/// <param name="ByType">Per type, the type must match and the spans overlap; ordered by type name.</param>
/// <param name="ExactByType">Per type, the type and both ends must match; ordered by type name.</param>
/// <param name="Typed">All types together, the type must match and the spans overlap (micro average of <paramref name="ByType"/>).</param>
/// <param name="Exact">All types together, exact spans.</param>
/// <param name="Overall">Any type: a finding matches a label it overlaps, whatever the two types (was it masked at all?).</param>
public sealed record PiiEvaluationReport(
    long Records,
    IReadOnlyDictionary<string, PiiScores> ByType,
    IReadOnlyDictionary<string, PiiScores> ExactByType,
    PiiScores Typed,
    PiiScores Exact,
    PiiScores Overall);
