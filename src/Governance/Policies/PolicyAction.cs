namespace HybridAI.Governance.Policies;

/// <summary>What happens when a policy rule is violated.</summary>
public enum PolicyAction
{
    /// <summary>Stop: the step (or chat call) fails with a <see cref="PolicyViolationException"/>.</summary>
    Block,
    /// <summary>Replace the offending text with a placeholder and carry on.</summary>
    Redact,
    /// <summary>Carry on, but record the violation so a review gate sends the run to a human.</summary>
    RouteToReview,
}
