using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>contains</c>: 1 when the output contains the expected reference answer (or label) as a phrase, compared with
/// case, accents and spacing folded; 0 otherwise.
/// </summary>
/// <example>
/// <code>
/// var contains = new ContainsEvaluator();
/// EvaluationScore s = contains.Evaluate(example, "The answer is: Délai de 14 jours."); // reference "delai de 14 jours" → 1
/// </code>
/// </example>
public sealed class ContainsEvaluator : IEvaluator<string>
{
    private readonly GoldenFields _target;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="target"><see cref="GoldenFields.ReferenceAnswer"/> or <see cref="GoldenFields.Label"/>.</param>
    public ContainsEvaluator(GoldenFields target = GoldenFields.ReferenceAnswer) => _target = Expect.TextField(target, nameof(target));

    /// <inheritdoc />
    public GoldenFields Requires => _target;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string expected = Expect.Text(example, _target, nameof(ContainsEvaluator));
        bool found = TextFold.ContainsPhrase(TextFold.Fold(output), TextFold.Fold(expected));
        return new EvaluationScore("contains", found ? 1 : 0, found);
    }
}
