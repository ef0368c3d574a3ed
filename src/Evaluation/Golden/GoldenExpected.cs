namespace HybridAI.Evaluation.Golden;

/// <summary>What a good workflow gives for one golden example. Every part is optional; evaluators say which they need.</summary>
/// <param name="Label">The expected class (<c>expected.label</c>).</param>
/// <param name="ReferenceAnswer">A model answer (<c>expected.reference_answer</c>).</param>
/// <param name="RequiredFacts">Facts a good answer states (<c>expected.required_facts</c>); null when not given.</param>
/// <param name="RequiredCitations">Evidence ids a good answer cites (<c>expected.required_citations</c>); null when not given.</param>
/// <param name="Forbidden">Phrases the answer must not contain (<c>expected.forbidden</c>); null when not given.</param>
public sealed record GoldenExpected(
    string? Label = null,
    string? ReferenceAnswer = null,
    IReadOnlyList<string>? RequiredFacts = null,
    IReadOnlyList<string>? RequiredCitations = null,
    IReadOnlyList<string>? Forbidden = null)
{
    /// <summary>The fields that are present (a list counts when given, even empty).</summary>
    public GoldenFields Present =>
        (Label is null ? 0 : GoldenFields.Label)
        | (ReferenceAnswer is null ? 0 : GoldenFields.ReferenceAnswer)
        | (RequiredFacts is null ? 0 : GoldenFields.RequiredFacts)
        | (RequiredCitations is null ? 0 : GoldenFields.RequiredCitations)
        | (Forbidden is null ? 0 : GoldenFields.Forbidden);
}
