namespace HybridAI.Governance.Policies;

/// <summary>A rule, the texts it checks and what to do when it matches.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Action">What to do on a match.</param>
/// <param name="Locations">The texts it checks (input, retrieved content, output).</param>
public sealed record PolicyRuleBinding(IPolicyRule Rule, PolicyAction Action, IReadOnlyList<PolicyLocation> Locations);
