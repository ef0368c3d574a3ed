namespace HybridAI.Evaluation.Golden;

/// <summary>
/// The expected fields of a golden example. Evaluators say which ones they need
/// (<see cref="Evaluators.IEvaluator{TOutput}.Requires"/>) so a loader can reject a file that lacks them up front.
/// </summary>
[Flags]
public enum GoldenFields
{
    /// <summary>Nothing is required.</summary>
    None = 0,

    /// <summary><c>expected.label</c>: the class a classifier should give.</summary>
    Label = 1,

    /// <summary><c>expected.reference_answer</c>: a model answer to compare with.</summary>
    ReferenceAnswer = 2,

    /// <summary><c>expected.required_facts</c>: facts a good answer states.</summary>
    RequiredFacts = 4,

    /// <summary><c>expected.required_citations</c>: the evidence (chunk) ids a good answer cites.</summary>
    RequiredCitations = 8,

    /// <summary><c>expected.forbidden</c>: phrases the answer must not contain.</summary>
    Forbidden = 16,
}
