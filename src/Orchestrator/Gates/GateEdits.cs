using System.Text.Json;
using System.Text.Json.Nodes;

namespace HybridAI.Orchestrator;

/// <summary>
/// Applies a reviewer's edits (<see cref="GateDecision.Edits"/>) to a checkpointed state's JSON: only fields the gate
/// allows, only fields the state has, a text field takes the value as text and any other field takes it as JSON.
/// <c>ResumeAsync</c> does this; a review queue calls it to refuse bad edits before it records a decision.
/// Errors name the run, gate and field, never the value (which may be personal).
/// </summary>
/// <example>
/// <code>
/// string edited = GateEdits.Apply("run-1", "review", checkpoint.StateJson,
///     new Dictionary&lt;string, string&gt; { ["reply"] = "Thanks, refunded." }, ["reply"]);
/// </code>
/// </example>
public static class GateEdits
{
    /// <summary>Returns <paramref name="stateJson"/> with <paramref name="edits"/> applied.</summary>
    /// <exception cref="ArgumentException">A field the gate does not allow, the state lacks, or a value that is not valid JSON for a non-text field.</exception>
    public static string Apply(string runId, string gate, string stateJson, IReadOnlyDictionary<string, string> edits, IReadOnlyList<string> editable)
    {
        ArgumentNullException.ThrowIfNull(stateJson);
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(editable);
        if (JsonNode.Parse(stateJson) is not JsonObject state)
            throw new CheckpointMismatchException($"Run {runId}: the checkpointed state is not a JSON object, so it cannot be edited.");
        foreach (var (field, value) in edits)
        {
            if (string.IsNullOrWhiteSpace(field))
                throw new ArgumentException($"Run {runId}, gate '{gate}': an edit has no field name.", nameof(edits));
            var allowed = editable.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
            if (allowed is null)
            {
                var which = editable.Count == 0 ? "no fields" : "only " + string.Join(", ", editable);
                throw new ArgumentException($"Run {runId}, gate '{gate}': field '{Shorten(field)}' may not be edited (the gate allows {which}).", nameof(edits));
            }
            var name = state.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, allowed, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"Run {runId}, gate '{gate}': the state has no field '{allowed}' to edit.", nameof(edits));
            state[name] = ToNode(runId, gate, name, state[name], value ?? string.Empty);
        }
        return state.ToJsonString();
    }

    private static JsonNode? ToNode(string runId, string gate, string field, JsonNode? current, string value)
    {
        if (current is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            return JsonValue.Create(value);
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            if (current is null)
                return JsonValue.Create(value); // an unset text field, most likely
            var kind = current.GetValueKind();
            throw new ArgumentException($"Run {runId}, gate '{gate}': the new value of field '{field}' is not valid JSON for a {kind.ToString().ToLowerInvariant()}.", nameof(value));
        }
    }

    private static string Shorten(string text)
    {
        var bounded = text.Length > 64 ? text[..64] : text;
        return string.Create(bounded.Length, bounded, static (d, s) =>
        {
            for (var i = 0; i < s.Length; i++)
                d[i] = char.IsControl(s[i]) ? '?' : s[i];
        });
    }
}
