using System.Text.Json;

namespace HybridAI.Tests.Json;

/// <summary>
/// Checks a JSON value against the JSON Schema subset the grammar converter supports (type, properties, required,
/// items, enum, const, anyOf/oneOf, min/maxLength, min/maxItems). Returns the first violation, or null.
/// </summary>
internal static class SchemaCheck
{
    public static string? Violation(JsonElement value, JsonElement schema, string path = "$")
    {
        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonElement.DeepEquals(value, constant) ? null : $"{path}: not the const value";
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)) ? null : $"{path}: {value} is not in the enum";
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var options))
            {
                return options.EnumerateArray().Any(o => Violation(value, o, path) is null) ? null : $"{path}: matches none of {keyword}";
            }
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => IsType(value, t)))
            {
                return $"{path}: {value.ValueKind} is not {string.Join("|", types)}";
            }
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var length = value.GetString()!.Length;
                if (schema.TryGetProperty("maxLength", out var maxLength) && length > maxLength.GetInt32())
                {
                    return $"{path}: longer than {maxLength}";
                }

                if (schema.TryGetProperty("minLength", out var minLength) && length < minLength.GetInt32())
                {
                    return $"{path}: shorter than {minLength}";
                }

                break;
            case JsonValueKind.Array:
                var count = value.GetArrayLength();
                if (schema.TryGetProperty("maxItems", out var maxItems) && count > maxItems.GetInt32())
                {
                    return $"{path}: more than {maxItems} items";
                }

                if (schema.TryGetProperty("minItems", out var minItems) && count < minItems.GetInt32())
                {
                    return $"{path}: fewer than {minItems} items";
                }

                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        if (Violation(item, items, $"{path}[{i++}]") is { } v)
                        {
                            return v;
                        }
                    }
                }

                break;
            case JsonValueKind.Object:
                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            return $"{path}: missing required '{name}'";
                        }
                    }
                }

                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var p in value.EnumerateObject())
                    {
                        if (!properties.TryGetProperty(p.Name, out var ps))
                        {
                            return $"{path}: unexpected property '{p.Name}'";
                        }

                        if (Violation(p.Value, ps, $"{path}.{p.Name}") is { } v)
                        {
                            return v;
                        }
                    }
                }

                break;
        }

        return null;
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };
}
