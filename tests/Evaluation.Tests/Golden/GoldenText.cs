using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Tests.Golden;

/// <summary>Small golden sets written inline, read through the real readers.</summary>
internal static class GoldenText
{
    public const string Secret = "Marie Dupont IBAN FR7630006000011234567890189";

    public static GoldenSetReader Jsonl(string text, GoldenFields required = GoldenFields.None) =>
        GoldenSetReader.FromJsonl(new StringReader(text), "tickets.jsonl", required);

    public static GoldenSet Set(string text, GoldenFields required = GoldenFields.None)
    {
        using GoldenSetReader reader = Jsonl(text, required);
        return new GoldenSet(reader.Name, reader.Version, reader.ReadExamples());
    }

    public static GoldenExample Example(
        string? label = null,
        string? answer = null,
        string[]? facts = null,
        string[]? citations = null,
        string[]? forbidden = null,
        string id = "e-1") =>
        new(id, System.Text.Json.JsonSerializer.SerializeToElement("input text"), new GoldenExpected(label, answer, facts, citations, forbidden), new Dictionary<string, string>());
}
