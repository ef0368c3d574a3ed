using System.Text.Json;
using HybridAI.Abstractions.Evaluation;

namespace HybridAI.Evaluation.Golden;

/// <summary>One example of a golden set: an id, the workflow's input, what a good workflow gives, and its tags.</summary>
/// <param name="Id">Stable id, unique within the set.</param>
/// <param name="Input">The input as JSON: a string or an object.</param>
/// <param name="Expected">The expected answers.</param>
/// <param name="Tags">Other string fields of the record (<c>group</c>, <c>stratum</c>, …), used to stratify samples.</param>
public sealed record GoldenExample(string Id, JsonElement Input, GoldenExpected Expected, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The input as text: the string itself, or the object's JSON.</summary>
    public string InputText => Input.ValueKind == JsonValueKind.String ? Input.GetString()! : Input.GetRawText();

    /// <summary>The input read as <typeparamref name="TInput"/> (a string, or a type the object deserializes to).</summary>
    /// <param name="options">Serializer options; web defaults (camelCase, case-insensitive) when null.</param>
    public TInput InputAs<TInput>(JsonSerializerOptions? options = null) =>
        Input.Deserialize<TInput>(options ?? JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Golden example '{Id}': the input is null.");

    /// <summary>
    /// The example as the shared <see cref="GoldenRecord{TInput}"/> contract: its expected label and reference answer
    /// become the <c>label</c> and <c>reference_answer</c> entries, and its tags are added by name.
    /// </summary>
    /// <param name="options">Serializer options for the input; web defaults when null.</param>
    public GoldenRecord<TInput> ToRecord<TInput>(JsonSerializerOptions? options = null)
    {
        var expected = new Dictionary<string, string>(Tags, StringComparer.Ordinal);
        if (Expected.Label is not null)
        {
            expected["label"] = Expected.Label;
        }

        if (Expected.ReferenceAnswer is not null)
        {
            expected["reference_answer"] = Expected.ReferenceAnswer;
        }

        return new GoldenRecord<TInput>(Id, InputAs<TInput>(options), expected);
    }

    /// <summary>The value used to stratify by <paramref name="field"/>: <c>label</c> is the expected label, anything else a tag.</summary>
    /// <param name="field">A tag name, or <c>label</c>.</param>
    /// <returns>The value, or null when the example has none.</returns>
    public string? Stratum(string field) =>
        string.Equals(field, "label", StringComparison.OrdinalIgnoreCase) ? Expected.Label
        : Tags.TryGetValue(field, out var value) ? value : null;
}
