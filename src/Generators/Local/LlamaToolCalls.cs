using System.Text;
using System.Text.Json;
using HybridAI.Native.LlamaCpp;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Local;

/// <summary>
/// Tool calling for local models: the tools are described in the system prompt, and a grammar forces the reply
/// to be <c>{"name":"…","arguments":{…}}</c> with arguments that follow the chosen tool's JSON schema.
/// </summary>
internal static class LlamaToolCalls
{
    /// <summary>The grammar for a call to one of <paramref name="tools"/>, or (when <paramref name="allowText"/>) plain text instead.</summary>
    public static string Grammar(IReadOnlyList<AIFunctionDeclaration> tools, bool allowText) =>
        JsonSchemaGrammar.ForToolCall(tools.Select(t => (t.Name, ArgumentsSchema(t))).ToList(), allowText);

    /// <summary>System-prompt text that tells the model which tools exist and how to call one.</summary>
    public static string Instructions(IReadOnlyList<AIFunctionDeclaration> tools, bool required)
    {
        var text = new StringBuilder(required
            ? "Reply by calling one of these tools"
            : "You may call one of these tools");
        text.Append(": answer with only a JSON object {\"name\": tool name, \"arguments\": {…}}.\nTools:\n");
        foreach (var t in tools)
        {
            text.Append("- ").Append(t.Name);
            if (!string.IsNullOrWhiteSpace(t.Description))
            {
                text.Append(": ").Append(t.Description);
            }

            text.Append(" Parameters: ").Append(ArgumentsSchema(t).GetRawText()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads a reply as a tool call; null when it is not one (plain text, or JSON naming no offered tool).</summary>
    public static FunctionCallContent? Parse(string reply, IReadOnlyList<AIFunctionDeclaration> tools)
    {
        if (!reply.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(reply);
            if (!doc.RootElement.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                || !tools.Any(t => t.Name == name.GetString()))
            {
                return null;
            }

            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (doc.RootElement.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in args.EnumerateObject())
                {
                    arguments[p.Name] = p.Value.Clone();
                }
            }

            return new FunctionCallContent("call_" + Guid.NewGuid().ToString("N")[..16], name.GetString()!, arguments);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The tool's parameter schema; a tool without one takes an empty object.</summary>
    private static JsonElement ArgumentsSchema(AIFunctionDeclaration tool) =>
        tool.JsonSchema.ValueKind == JsonValueKind.Object ? tool.JsonSchema : EmptyObject;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();
}
