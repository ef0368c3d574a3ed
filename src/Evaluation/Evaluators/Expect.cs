using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>Reads an expected field an evaluator needs, or fails naming the example and the field (never its content).</summary>
internal static class Expect
{
    public static string Text(GoldenExample example, GoldenFields field, string evaluator)
    {
        ArgumentNullException.ThrowIfNull(example);
        string? value = field == GoldenFields.Label ? example.Expected.Label : example.Expected.ReferenceAnswer;
        return value ?? throw Missing(example, field, evaluator);
    }

    public static IReadOnlyList<string> List(GoldenExample example, GoldenFields field, string evaluator)
    {
        ArgumentNullException.ThrowIfNull(example);
        IReadOnlyList<string>? value = field switch
        {
            GoldenFields.RequiredFacts => example.Expected.RequiredFacts,
            GoldenFields.RequiredCitations => example.Expected.RequiredCitations,
            _ => example.Expected.Forbidden,
        };
        return value ?? throw Missing(example, field, evaluator);
    }

    public static GoldenFields TextField(GoldenFields field, string parameter) =>
        field is GoldenFields.Label or GoldenFields.ReferenceAnswer ? field
        : throw new ArgumentOutOfRangeException(parameter, field, "The expected text must be Label or ReferenceAnswer.");

    private static InvalidOperationException Missing(GoldenExample example, GoldenFields field, string evaluator) =>
        new($"Golden example '{example.Id}' has no expected {Name(field)}, which {evaluator} needs.");

    private static string Name(GoldenFields field) => field switch
    {
        GoldenFields.Label => "label",
        GoldenFields.ReferenceAnswer => "reference_answer",
        GoldenFields.RequiredFacts => "required_facts",
        GoldenFields.RequiredCitations => "required_citations",
        _ => "forbidden",
    };
}
