using System.Globalization;
using System.Text.RegularExpressions;
using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>regex</c> (or the name given): 1 when the output matches the pattern (or, with <c>mustMatch: false</c>, does not),
/// 0 otherwise. Matching is bounded by a timeout so a pathological output cannot hang a run: a timeout scores 0, failed,
/// with the reason in the detail.
/// </summary>
/// <example>
/// <code>
/// var ticketRef = new RegexEvaluator(@"\bTCK-\d{6}\b", name: "has_ticket_ref");
/// EvaluationScore s = ticketRef.Evaluate(example, "Logged as TCK-004211."); // 1, passed
/// </code>
/// </example>
public sealed class RegexEvaluator : IEvaluator<string>
{
    /// <summary>The default match timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex _regex;
    private readonly bool _mustMatch;
    private readonly string _name;

    /// <summary>Creates the evaluator; the pattern is compiled now.</summary>
    /// <param name="pattern">The .NET regular expression.</param>
    /// <param name="mustMatch">True: the output must match; false: it must not.</param>
    /// <param name="options">Regex options.</param>
    /// <param name="timeout">The longest one match may take; <see cref="DefaultTimeout"/> when null.</param>
    /// <param name="name">The score's name.</param>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public RegexEvaluator(string pattern, bool mustMatch = true, RegexOptions options = RegexOptions.None, TimeSpan? timeout = null, string name = "regex")
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        TimeSpan limit = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        _regex = new Regex(pattern, options | RegexOptions.CultureInvariant, limit);
        _mustMatch = mustMatch;
        _name = name;
    }

    /// <inheritdoc />
    public GoldenFields Requires => GoldenFields.None;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, string output)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            bool passed = _regex.IsMatch(output) == _mustMatch;
            return new EvaluationScore(_name, passed ? 1 : 0, passed);
        }
        catch (RegexMatchTimeoutException)
        {
            return new EvaluationScore(_name, 0, false, string.Create(CultureInfo.InvariantCulture, $"the match timed out after {_regex.MatchTimeout.TotalMilliseconds:0} ms"));
        }
    }
}
