namespace HybridAI.Governance.Policies;

/// <summary>What a <see cref="WorkflowPolicy"/> found in one text and what it made of it.</summary>
/// <param name="Text">The text to use from now on: the original, or with redactions (and the AI label on output).</param>
/// <param name="Violations">Every violation, in order of position.</param>
public sealed record PolicyCheckResult(string Text, IReadOnlyList<PolicyViolation> Violations)
{
    /// <summary>True when a violation's action is <see cref="PolicyAction.Block"/>.</summary>
    public bool IsBlocked => Violations.Any(v => v.Action == PolicyAction.Block);

    /// <summary>True when a violation's action is <see cref="PolicyAction.RouteToReview"/>.</summary>
    public bool NeedsReview => Violations.Any(v => v.Action == PolicyAction.RouteToReview);

    /// <summary>Throws <see cref="PolicyViolationException"/> when blocked; returns this otherwise.</summary>
    public PolicyCheckResult ThrowIfBlocked() => IsBlocked ? throw new PolicyViolationException(Violations) : this;
}
