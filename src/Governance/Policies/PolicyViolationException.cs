using System.Globalization;

namespace HybridAI.Governance.Policies;

/// <summary>
/// A rule whose action is <see cref="PolicyAction.Block"/> was violated. The message names the rules and where they
/// matched, never the text (it may be personal data).
/// </summary>
public sealed class PolicyViolationException : Exception
{
    /// <summary>Creates the exception for <paramref name="violations"/> (at least one).</summary>
    public PolicyViolationException(IReadOnlyList<PolicyViolation> violations)
        : base(Describe(violations))
    {
        Violations = violations;
    }

    /// <summary>Every violation found in the checked text, blocking or not.</summary>
    public IReadOnlyList<PolicyViolation> Violations { get; }

    private static string Describe(IReadOnlyList<PolicyViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var blocking = violations.Where(v => v.Action == PolicyAction.Block).Select(v =>
            string.Create(CultureInfo.InvariantCulture, $"{v.Rule} ({v.Category}) in {v.Location}{(v.Location == PolicyLocation.RetrievedContent ? $"[{v.Item}]" : "")} at {v.Start}+{v.Length}"));
        return "Blocked by policy: " + string.Join("; ", blocking) + ".";
    }
}
