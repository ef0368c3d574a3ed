using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Endpoints;

/// <summary>Reads a tool call's argument text; text that is not a JSON object becomes a call carrying a <see cref="ToolArgumentsException"/>.</summary>
internal static class ToolCallArguments
{
    /// <summary>The call's id; some OpenAI-compatible servers omit it, and a tool result still needs one to answer.</summary>
    public static string IdOrDefault(string? id, int index) =>
        string.IsNullOrEmpty(id) ? FormattableString.Invariant($"call_{index}") : id;

    public static FunctionCallContent Parse(string callId, string name, string rawArguments)
    {
        // Servers send "" for a call without parameters.
        var text = string.IsNullOrWhiteSpace(rawArguments) ? "{}" : rawArguments;
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Failed(callId, name, rawArguments, null);
            }

            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }

            return new FunctionCallContent(callId, name, arguments);
        }
        catch (JsonException e)
        {
            return Failed(callId, name, rawArguments, e);
        }
    }

    private static FunctionCallContent Failed(string callId, string name, string raw, JsonException? e) =>
        new(callId, name) { Exception = new ToolArgumentsException(name, raw, e) };
}
