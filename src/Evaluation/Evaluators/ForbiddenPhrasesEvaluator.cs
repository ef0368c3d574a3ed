using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>policy_violations</c>: how many forbidden phrases the output contains, matched as phrases with case, accents
/// and spacing folded. The phrases are the policy's own (given here, for every example) plus the example's
/// <c>expected.forbidden</c> when it has one. Passed when there are none; the detail numbers the phrases found
/// (policy phrases first, then the example's), it does not quote the output.
/// </summary>
/// <example>
/// <code>
/// var policy = new ForbiddenPhrasesEvaluator(["guaranteed refund", "legal advice"]);
/// EvaluationScore s = policy.Evaluate(example, "This is not legal advice."); // 1 violation (#2), failed
/// </code>
/// </example>
public sealed class ForbiddenPhrasesEvaluator : IEvaluator<string>
{
    private readonly string[] _policy;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="policyPhrases">Phrases forbidden in every output; none when null (only each example's own).</param>
    /// <exception cref="ArgumentException">A phrase is empty; the message gives its index.</exception>
    public ForbiddenPhrasesEvaluator(IEnumerable<string>? policyPhrases = null)
    {
        _policy = [.. policyPhrases ?? []];
        for (int i = 0; i < _policy.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(_policy[i]))
            {
                throw new ArgumentException($"policyPhrases[{i}] is empty.", nameof(policyPhrases));
            }

            _policy[i] = TextFold.Fold(_policy[i]);
        }
    }

    /// <inheritdoc />
    public GoldenFields Requires => GoldenFields.None;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, string output)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(output);
        string text = TextFold.Fold(output);
        var found = new List<int>();
        for (int i = 0; i < _policy.Length; i++)
        {
            if (TextFold.ContainsPhrase(text, _policy[i]))
            {
                found.Add(i + 1);
            }
        }

        IReadOnlyList<string> own = example.Expected.Forbidden ?? [];
        for (int i = 0; i < own.Count; i++)
        {
            if (TextFold.ContainsPhrase(text, TextFold.Fold(own[i])))
            {
                found.Add(_policy.Length + i + 1);
            }
        }

        return new EvaluationScore("policy_violations", found.Count, found.Count == 0, found.Count == 0 ? null : "forbidden #" + string.Join(", #", found));
    }
}
