namespace HybridAI.Orchestrator;

/// <summary>
/// Who may decide a gate, how long they have, what they may change, and what they see. Set with the <c>configure</c>
/// argument of <see cref="WorkflowBuilder{TState}.Gate(string, GateCondition{TState}, Action{TState, GateDecision}, Action{GateOptions{TState}}?)"/>;
/// the checkpoint carries them (as <see cref="GateReview"/>) to the review queue.
/// </summary>
/// <example>
/// <code>
/// .Gate("refund-review", GateConditions.ScoreAbove&lt;Refund&gt;(r =&gt; r.Amount, 500, "amount"),
///     (r, d) =&gt; r.Approved = d.Approved,
///     gate =&gt; gate.AllowRoles("support-lead")
///                .EscalateTo("finance", after: TimeSpan.FromHours(4))
///                .RejectAfter(TimeSpan.FromDays(1))
///                .AllowEdits(nameof(Refund.Reply))
///                .ShowSummary(r =&gt; $"refund of {r.Amount} for order {r.OrderId}"))
/// </code>
/// </example>
/// <typeparam name="TState">The workflow's state type.</typeparam>
public sealed class GateOptions<TState>
{
    private readonly List<string> _roles = [];
    private readonly List<string> _editable = [];

    internal IReadOnlyList<string> Roles => _roles;
    internal IReadOnlyList<string> EditableFields => _editable;
    internal string? EscalationRole { get; private set; }
    internal TimeSpan? EscalationDelay { get; private set; }
    internal TimeSpan? RejectionDelay { get; private set; }
    internal Func<TState, string?>? Summary { get; private set; }

    /// <summary>Only reviewers with one of these roles may decide (none given: any reviewer).</summary>
    public GateOptions<TState> AllowRoles(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in roles)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(role, nameof(roles));
            if (!_roles.Contains(role, StringComparer.Ordinal))
                _roles.Add(role);
        }
        return this;
    }

    /// <summary>When no decision came within <paramref name="after"/>, the review escalates: <paramref name="role"/> may then decide too.</summary>
    public GateOptions<TState> EscalateTo(string role, TimeSpan after)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(after, TimeSpan.Zero);
        EscalationRole = role;
        EscalationDelay = after;
        return this;
    }

    /// <summary>When no decision came within <paramref name="after"/>, the review is closed as rejected (the final deadline).</summary>
    public GateOptions<TState> RejectAfter(TimeSpan after)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(after, TimeSpan.Zero);
        RejectionDelay = after;
        return this;
    }

    /// <summary>
    /// State properties (their JSON names, as System.Text.Json writes them) a reviewer may change when approving;
    /// none: a decision with edits is refused.
    /// </summary>
    public GateOptions<TState> AllowEdits(params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(field, nameof(fields));
            if (!_editable.Contains(field, StringComparer.Ordinal))
                _editable.Add(field);
        }
        return this;
    }

    /// <summary>What the reviewer sees; a review queue masks personal data in it before storing it.</summary>
    public GateOptions<TState> ShowSummary(Func<TState, string?> summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Summary = summary;
        return this;
    }

    internal void Validate(string gate)
    {
        if (EscalationDelay is { } escalate && RejectionDelay is { } reject && reject <= escalate)
            throw new ArgumentException($"Gate '{gate}': RejectAfter ({reject}) must be later than the escalation ({escalate}).");
    }

    internal GateReview ToReview(TState state) => new()
    {
        AllowedRoles = _roles,
        EscalationRole = EscalationRole,
        EscalateAfter = EscalationDelay,
        RejectAfter = RejectionDelay,
        EditableFields = _editable,
        Summary = Summary?.Invoke(state),
    };
}
