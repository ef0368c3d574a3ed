using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>exact_match</c>: 1 when the output equals the expected label (or reference answer), surrounding whitespace
/// ignored; 0 otherwise.
/// </summary>
/// <example>
/// <code>
/// var exact = new ExactMatchEvaluator(ignoreCase: true);
/// EvaluationScore s = exact.Evaluate(example, "Billing"); // expected.label "billing" → 1, passed
/// </code>
/// </example>
public sealed class ExactMatchEvaluator : IEvaluator<string>
{
    private readonly GoldenFields _target;
    private readonly StringComparison _comparison;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="target"><see cref="GoldenFields.Label"/> or <see cref="GoldenFields.ReferenceAnswer"/>.</param>
    /// <param name="ignoreCase">Whether case differences still match.</param>
    public ExactMatchEvaluator(GoldenFields target = GoldenFields.Label, bool ignoreCase = false)
    {
        _target = Expect.TextField(target, nameof(target));
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <inheritdoc />
    public GoldenFields Requires => _target;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string expected = Expect.Text(example, _target, nameof(ExactMatchEvaluator));
        bool match = string.Equals(output.Trim(), expected.Trim(), _comparison);
        return new EvaluationScore("exact_match", match ? 1 : 0, match);
    }
}
