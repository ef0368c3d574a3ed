using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HybridAI.Generators.Tools;

/// <summary>
/// Checks a call's arguments against its tool's JSON schema before the tool runs, so that a model's malformed call
/// becomes an explanation the model can act on rather than a binding exception. Parsed schemas are cached by text.
/// </summary>
internal sealed class ToolArgumentValidator
{
    private const int MaxReportedErrors = 5;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <summary>Null when the arguments fit the schema (or the tool has none); otherwise what is wrong, by path and kind, without the values.</summary>
    public async ValueTask<string?> ViolationAsync(AIFunctionDeclaration tool, IDictionary<string, object?>? arguments)
    {
        if (tool.JsonSchema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string text = tool.JsonSchema.GetRawText();
        if (!_schemas.TryGetValue(text, out JsonSchema? schema))
        {
            try
            {
                schema = await JsonSchema.FromJsonAsync(text).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
            {
                return "its parameter schema cannot be read, so no call to it can be checked";
            }

            _schemas.TryAdd(text, schema);
        }

        string json = JsonSerializer.Serialize(arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions);
        ICollection<ValidationError> errors = schema.Validate(json);
        if (errors.Count == 0)
        {
            return null;
        }

        IEnumerable<string> described = Flatten(errors).Take(MaxReportedErrors).Select(Describe);
        return string.Join("; ", described) + (errors.Count > MaxReportedErrors ? "; …" : "");
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (ValidationError error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (ValidationError inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string Describe(ValidationError error)
    {
        string path = string.IsNullOrEmpty(error.Path) ? "#" : error.Path;
        return $"{path}: {error.Kind}";
    }
}
