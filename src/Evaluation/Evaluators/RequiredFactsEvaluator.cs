using System.Globalization;
using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>facts_coverage</c>: the share of <c>expected.required_facts</c> the output states, each fact matched as a
/// phrase with case, accents and spacing folded (so "Délai" matches "delai"). Passed when the share reaches
/// <c>minCoverage</c>; the detail gives the 1-based numbers of the facts that are missing. No facts: 1, passed.
/// </summary>
/// <example>
/// <code>
/// // expected.required_facts: ["14 jours", "remboursement"]
/// EvaluationScore s = new RequiredFactsEvaluator().Evaluate(example, "Le remboursement arrive sous 14 JOURS.");
/// // facts_coverage 1, passed
/// </code>
/// </example>
public sealed class RequiredFactsEvaluator : IEvaluator<string>
{
    private readonly double _minCoverage;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="minCoverage">The share of facts needed to pass, in (0, 1].</param>
    public RequiredFactsEvaluator(double minCoverage = 1)
    {
        if (!(minCoverage > 0 && minCoverage <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minCoverage), minCoverage, "The minimum coverage must be in (0, 1].");
        }

        _minCoverage = minCoverage;
    }

    /// <inheritdoc />
    public GoldenFields Requires => GoldenFields.RequiredFacts;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<string> facts = Expect.List(example, GoldenFields.RequiredFacts, nameof(RequiredFactsEvaluator));
        if (facts.Count == 0)
        {
            return new EvaluationScore("facts_coverage", 1, true, "no required facts");
        }

        string text = TextFold.Fold(output);
        var missing = new List<int>();
        for (int i = 0; i < facts.Count; i++)
        {
            if (!TextFold.ContainsPhrase(text, TextFold.Fold(facts[i])))
            {
                missing.Add(i + 1);
            }
        }

        double coverage = (facts.Count - missing.Count) / (double)facts.Count;
        string detail = string.Create(CultureInfo.InvariantCulture, $"{facts.Count - missing.Count} of {facts.Count} facts")
            + (missing.Count == 0 ? string.Empty : "; missing #" + string.Join(", #", missing));
        return new EvaluationScore("facts_coverage", coverage, coverage >= _minCoverage - 1e-12, detail);
    }
}
