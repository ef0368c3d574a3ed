namespace HybridAI.Governance.Policies;

/// <summary>
/// A workflow state that keeps the policy violations of its run, so a gate step can route the run to a human.
/// Step middleware cannot suspend a run itself (only a gate step resumes correctly), so
/// <see cref="PolicyMiddleware{TState}"/> records <see cref="PolicyAction.RouteToReview"/> violations here and a
/// following gate asks <c>s =&gt; s.PolicyViolations.Count &gt; 0</c>. The list is part of the state, so it is
/// checkpointed with it.
/// </summary>
public interface IPolicyReviewState
{
    /// <summary>The violations recorded so far (never their text).</summary>
    List<PolicyViolation> PolicyViolations { get; }
}
