using System.Globalization;

namespace HybridAI.Orchestrator;

/// <summary>
/// The usual reasons to ask a human: a model unsure of itself, a risk score too high, a category that always needs a
/// person, a policy broken. Each reason names the number, label or policy, never the state's text.
/// </summary>
/// <example>
/// <code>
/// .Gate("review",
///     GateConditions.ConfidenceBelow&lt;Claim&gt;(c =&gt; c.Confidence, 0.7)
///     | GateConditions.ScoreAbove&lt;Claim&gt;(c =&gt; c.FraudScore, 0.8, "fraud score")
///     | GateConditions.PolicyViolated&lt;Claim&gt;(c =&gt; c.BrokenPolicies),
///     (c, d) =&gt; c.Approved = d.Approved,
///     gate =&gt; gate.AllowRoles("claims-lead"))
/// </code>
/// </example>
public static class GateConditions
{
    /// <summary>A condition from a predicate and the fixed, non-personal reason it gives when true.</summary>
    public static GateCondition<TState> When<TState>(Func<TState, bool> predicate, string reason)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new GateCondition<TState>(s => predicate(s) ? reason : null);
    }

    /// <summary>A condition whose function returns the reason, or null when no review is needed. The reason must not quote personal data.</summary>
    public static GateCondition<TState> From<TState>(Func<TState, string?> reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new GateCondition<TState>(reason);
    }

    /// <summary>Review when <paramref name="confidence"/> is below <paramref name="threshold"/> (reason <c>confidence 0.41 &lt; 0.70</c>); NaN counts as unsure.</summary>
    public static GateCondition<TState> ConfidenceBelow<TState>(Func<TState, double> confidence, double threshold, string name = "confidence")
    {
        ArgumentNullException.ThrowIfNull(confidence);
        RequireFinite(threshold, nameof(threshold));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new GateCondition<TState>(s =>
        {
            var value = confidence(s);
            return double.IsNaN(value) || value < threshold ? $"{name} {Format(value)} < {Format(threshold)}" : null;
        });
    }

    /// <summary>Review when <paramref name="score"/> is above <paramref name="threshold"/> (reason <c>risk 0.93 &gt; 0.80</c>); NaN counts as risky.</summary>
    public static GateCondition<TState> ScoreAbove<TState>(Func<TState, double> score, double threshold, string name = "risk")
    {
        ArgumentNullException.ThrowIfNull(score);
        RequireFinite(threshold, nameof(threshold));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new GateCondition<TState>(s =>
        {
            var value = score(s);
            return double.IsNaN(value) || value > threshold ? $"{name} {Format(value)} > {Format(threshold)}" : null;
        });
    }

    /// <summary>Review when the label <paramref name="category"/> gives is one of <paramref name="categories"/> (ordinal, ignoring case); reason <c>category 'legal' needs review</c>.</summary>
    public static GateCondition<TState> CategoryIn<TState>(Func<TState, string?> category, params string[] categories)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Length == 0)
            throw new ArgumentException("CategoryIn needs at least one category.", nameof(categories));
        // The reason quotes the configured label, not the state's value, so nothing the model read can leak through it.
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in categories)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(c, nameof(categories));
            labels.TryAdd(c, c);
        }
        return new GateCondition<TState>(s => category(s) is { } value && labels.TryGetValue(value, out var label) ? $"category '{label}' needs review" : null);
    }

    /// <summary>
    /// Review when <paramref name="violations"/> names any broken policy (reason <c>policy violated: refund-limit</c>).
    /// Policy names are ids from configuration; they are shortened and stripped of control characters.
    /// </summary>
    public static GateCondition<TState> PolicyViolated<TState>(Func<TState, IEnumerable<string>?> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return new GateCondition<TState>(s =>
        {
            if (violations(s) is not { } names)
                return null;
            var text = new System.Text.StringBuilder();
            foreach (var name in names)
            {
                if (string.IsNullOrWhiteSpace(name))
                    continue;
                text.Append(text.Length == 0 ? "policy violated: " : ", ").Append(Clean(name));
                if (text.Length > 200)
                    break;
            }
            return text.Length == 0 ? null : text.ToString();
        });
    }

    /// <summary>Review when <paramref name="violated"/> says the policy <paramref name="policy"/> is broken.</summary>
    public static GateCondition<TState> PolicyViolated<TState>(string policy, Func<TState, bool> violated)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        return When(violated, "policy violated: " + Clean(policy));
    }

    private static string Clean(string name)
    {
        var bounded = name.Length > 64 ? name[..64] : name;
        return string.Create(bounded.Length, bounded, static (dest, s) =>
        {
            for (var i = 0; i < s.Length; i++)
                dest[i] = char.IsControl(s[i]) ? '?' : s[i];
        });
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(name, value, "The threshold must be a finite number.");
    }
}
