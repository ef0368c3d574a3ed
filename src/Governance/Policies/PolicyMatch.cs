namespace HybridAI.Governance.Policies;

/// <summary>Where a rule matched in a text, and what kind of match it was.</summary>
/// <param name="Start">UTF-16 offset of the match.</param>
/// <param name="Length">Length of the match.</param>
/// <param name="Category">What kind of violation (a topic name, a PII type, an injection family).</param>
public readonly record struct PolicyMatch(int Start, int Length, string Category);
