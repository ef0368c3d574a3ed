using System.Globalization;
using HybridAI.Evaluation.Golden;
using HybridAI.Generators.Rag;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// <c>groundedness</c>: the share of the answer's claims supported by the evidence they cite, checked with
/// <see cref="GroundednessChecker"/> (no model). A claim that is true but cites the wrong passage does not count as
/// supported. Greetings, lead-ins and refusals are not claims; an answer with no claims scores 1. Passed when the share
/// reaches <c>minGrounded</c>.
/// </summary>
/// <example>
/// <code>
/// var grounded = new GroundednessEvaluator();
/// var answer = new GroundedAnswer("Refunds take 14 days [1].", [new EvidencePassage("kb-1", "Refunds", "Refunds are paid within 14 days.")]);
/// EvaluationScore s = grounded.Evaluate(example, answer); // 1, passed
/// </code>
/// </example>
public sealed class GroundednessEvaluator : IEvaluator<GroundedAnswer>
{
    private readonly GroundednessChecker _checker;
    private readonly double _min;

    /// <summary>Creates the evaluator.</summary>
    /// <param name="minGrounded">The share of supported claims needed to pass, in [0, 1].</param>
    /// <param name="checker">The checker; one with default options when null.</param>
    public GroundednessEvaluator(double minGrounded = 1, GroundednessChecker? checker = null)
    {
        CitationOverlap.CheckBar(minGrounded, nameof(minGrounded));
        _min = minGrounded;
        _checker = checker ?? new GroundednessChecker();
    }

    /// <inheritdoc />
    public GoldenFields Requires => GoldenFields.None;

    /// <inheritdoc />
    public EvaluationScore Evaluate(GoldenExample example, GroundedAnswer output)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(output);
        GroundednessReport report = _checker.Check(output.Text, output.Evidence);
        int supported = report.SupportedClaims - report.WrongCitations;
        double share = report.Claims == 0 ? 1 : supported / (double)report.Claims;
        string detail = string.Create(CultureInfo.InvariantCulture, $"{supported} of {report.Claims} claims supported by their cited evidence")
            + (report.WrongCitations > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {report.WrongCitations} cite the wrong passage") : string.Empty);
        return new EvaluationScore("groundedness", share, share >= _min - 1e-12, detail);
    }
}
