using System.Text.Json;
using System.Text.Json.Nodes;

namespace HybridAI.Retrieval.Tests.Qdrant;

/// <summary>
/// Qdrant's filter semantics over a point's payload: <c>must</c> (all), <c>should</c> (at least one), <c>must_not</c>
/// (none), nested filters, and field conditions with <c>match.value</c>, <c>match.any</c>, <c>match.except</c> and
/// <c>range</c>. A condition on a missing field does not match; an array value matches when one element does. Key
/// paths are dot-separated, with double-quoted segments for keys that hold dots. Anything else is refused, so an
/// adapter relying on an unimplemented feature fails loudly instead of being silently unfiltered.
/// </summary>
internal static class FakeQdrantFilter
{
    /// <param name="id">The point's sort key (see FakeQdrantCollection): "0:" + padded number or "1:" + UUID.</param>
    public static bool Matches(JsonNode? filter, string id, JsonObject payload)
    {
        if (filter is null)
        {
            return true;
        }

        if (filter is not JsonObject f)
        {
            throw new FakeQdrantException("Format error: filter must be an object");
        }

        foreach (string key in f.Select(static p => p.Key))
        {
            if (key is not ("must" or "should" or "must_not"))
            {
                throw new FakeQdrantException($"The fake Qdrant server does not implement filter clause '{key}'");
            }
        }

        List<JsonNode> must = Conditions(f["must"]);
        List<JsonNode> should = Conditions(f["should"]);
        List<JsonNode> mustNot = Conditions(f["must_not"]);
        return must.All(c => Condition(c, id, payload))
            && (should.Count == 0 || should.Any(c => Condition(c, id, payload)))
            && !mustNot.Any(c => Condition(c, id, payload));
    }

    private static List<JsonNode> Conditions(JsonNode? clause) => clause switch
    {
        null => [],
        JsonArray array => [.. array.Where(static c => c is not null).Select(static c => c!)],
        _ => [clause],
    };

    private static bool Condition(JsonNode condition, string id, JsonObject payload)
    {
        JsonObject c = condition.AsObject();
        if (c.ContainsKey("must") || c.ContainsKey("should") || c.ContainsKey("must_not"))
        {
            return Matches(c, id, payload);
        }

        if (c["has_id"] is JsonArray ids)
        {
            return ids.Any(i => string.Equals(i?.ToString(), id[2..], StringComparison.OrdinalIgnoreCase));
        }

        if (c["key"] is not JsonValue keyNode)
        {
            throw new FakeQdrantException($"The fake Qdrant server does not implement condition {c.ToJsonString()}");
        }

        List<JsonNode?> values = Values(payload, (string)keyNode!);
        if (c["match"] is JsonObject match)
        {
            if (match["value"] is JsonNode value)
            {
                return values.Any(v => Equal(v, value));
            }

            if (match["any"] is JsonArray any)
            {
                return values.Any(v => any.Any(a => Equal(v, a)));
            }

            if (match["except"] is JsonArray except)
            {
                return values.Count > 0 && values.Any(v => !except.Any(e => Equal(v, e)));
            }

            throw new FakeQdrantException($"The fake Qdrant server does not implement match {match.ToJsonString()}");
        }

        if (c["range"] is JsonObject range)
        {
            return values.Any(v => v is JsonValue number && number.GetValueKind() == JsonValueKind.Number && InRange(number.GetValue<double>(), range));
        }

        throw new FakeQdrantException($"The fake Qdrant server does not implement condition {c.ToJsonString()}");
    }

    private static bool InRange(double value, JsonObject range) =>
        (range["lt"] is not JsonNode lt || value < lt.GetValue<double>())
        && (range["gt"] is not JsonNode gt || value > gt.GetValue<double>())
        && (range["lte"] is not JsonNode lte || value <= lte.GetValue<double>())
        && (range["gte"] is not JsonNode gte || value >= gte.GetValue<double>());

    private static bool Equal(JsonNode? stored, JsonNode? wanted)
    {
        if (stored is not JsonValue a || wanted is not JsonValue b || a.GetValueKind() != b.GetValueKind())
        {
            return false;
        }

        return a.GetValueKind() switch
        {
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            JsonValueKind.Number => a.GetValue<double>() == b.GetValue<double>(),
            JsonValueKind.True or JsonValueKind.False => true,
            _ => false,
        };
    }

    /// <summary>The values under a key path; arrays on the way are flattened, as Qdrant does.</summary>
    private static List<JsonNode?> Values(JsonObject payload, string path)
    {
        List<JsonNode?> current = [payload];
        foreach (string segment in Segments(path))
        {
            var next = new List<JsonNode?>();
            foreach (JsonNode? node in current)
            {
                if (node is JsonObject obj && obj.TryGetPropertyValue(segment, out JsonNode? child))
                {
                    next.Add(child);
                }
            }

            current = next;
        }

        return [.. current.SelectMany(static n => n is JsonArray a ? a.AsEnumerable() : [n])];
    }

    private static IEnumerable<string> Segments(string path)
    {
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '"')
            {
                int end = path.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new FakeQdrantException($"Bad request: unterminated quote in key '{path}'");
                }

                yield return path[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                int end = path.IndexOf('.', i);
                end = end < 0 ? path.Length : end;
                string segment = path[i..end];
                if (segment.Contains('[', StringComparison.Ordinal))
                {
                    throw new FakeQdrantException($"The fake Qdrant server does not implement array paths ('{path}')");
                }

                yield return segment;
                i = end;
            }

            if (i < path.Length && path[i] == '.')
            {
                i++;
            }
        }
    }
}

/// <summary>A request the fake answers with 400 and Qdrant's error envelope.</summary>
internal sealed class FakeQdrantException(string message, int status = 400) : Exception(message)
{
    public int Status { get; } = status;
}
