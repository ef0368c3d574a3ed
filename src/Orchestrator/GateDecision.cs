namespace HybridAI.Orchestrator;

/// <summary>A human's answer to a gate that suspended a run.</summary>
/// <param name="Approved">Whether the reviewer approved what the run produced so far.</param>
/// <param name="Reviewer">Who decided (an id, kept for the audit trail).</param>
/// <param name="Comment">Optional free text from the reviewer.</param>
public sealed record GateDecision(bool Approved, string Reviewer, string? Comment = null)
{
    /// <summary>The reviewer's role, when the decision came through a review queue.</summary>
    public string? Role { get; init; }

    /// <summary>
    /// Edit-then-approve: new values for state fields (JSON property names) the gate allows to edit
    /// (<see cref="GateOptions{TState}.AllowEdits"/>). A value is taken as text for a text field, as JSON
    /// (<c>42</c>, <c>true</c>, <c>["a"]</c>) otherwise. The resumed run sees the edited state.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Edits { get; init; }
}
