namespace HybridAI.Orchestrator;

/// <summary>A human's answer to a gate that suspended a run.</summary>
/// <param name="Approved">Whether the reviewer approved what the run produced so far.</param>
/// <param name="Reviewer">Who decided (an id, kept for the audit trail).</param>
/// <param name="Comment">Optional free text from the reviewer.</param>
public sealed record GateDecision(bool Approved, string Reviewer, string? Comment = null);
