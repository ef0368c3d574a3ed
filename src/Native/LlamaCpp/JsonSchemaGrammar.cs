using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HybridAI.Native.LlamaCpp;

/// <summary>
/// Turns a JSON Schema into a GBNF grammar for constrained decoding, so that whatever the model writes parses as
/// JSON matching the schema. Supported: <c>type</c> (object, array, string, number, integer, boolean, null, or a
/// list of them), <c>properties</c>, <c>items</c>, <c>enum</c>, <c>const</c>, <c>anyOf</c>/<c>oneOf</c>,
/// <c>minLength</c>/<c>maxLength</c>, <c>minItems</c>/<c>maxItems</c>. Every declared property is written, in
/// declaration order (so required ones are always present); no whitespace is generated; numbers have at most 16
/// integer and 8 fraction digits.
/// </summary>
/// <example>
/// <code>
/// var gbnf = JsonSchemaGrammar.FromSchema("""{"type":"object","properties":{"label":{"enum":["spam","ham"]}},"required":["label"]}""");
/// var options = new LlamaGenerationOptions { Grammar = gbnf, MaxTokens = 64 };
/// </code>
/// </example>
public static class JsonSchemaGrammar
{
    private const string Primitives = """
        value ::= object | array | string | number | "true" | "false" | "null"
        object ::= "{" ( string ":" value ( "," string ":" value )* )? "}"
        array ::= "[" ( value ( "," value )* )? "]"
        string ::= "\"" char* "\""
        char ::= [^"\\\x7F\x00-\x1F] | "\\" ( ["\\/bfnrt] | "u" [0-9a-fA-F]{4} )
        number ::= integer ( "." [0-9]{1,8} )?
        integer ::= "-"? ( [0-9] | [1-9] [0-9]{1,15} )
        boolean ::= "true" | "false"
        """;

    /// <summary>A grammar for any JSON object (what <c>response_format: json_object</c> asks for).</summary>
    public static string AnyJsonObject => "root ::= object\n" + Primitives + "\n";

    /// <summary>Converts a schema given as JSON text.</summary>
    /// <exception cref="ArgumentException">The text is not JSON, or the schema uses something not supported (named with its path).</exception>
    public static string FromSchema(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(schemaJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The JSON schema is not valid JSON: {e.Message}", nameof(schemaJson), e);
        }

        using (doc)
        {
            return FromSchema(doc.RootElement);
        }
    }

    /// <summary>Converts a schema.</summary>
    /// <exception cref="ArgumentException">The schema uses something not supported (named with its path).</exception>
    public static string FromSchema(JsonElement schema)
    {
        var rules = new List<string>();
        var root = Visit(schema, "root", "#", rules);
        var grammar = new StringBuilder();
        grammar.Append("root ::= ").Append(root).Append('\n');
        foreach (var r in rules)
        {
            grammar.Append(r).Append('\n');
        }

        return grammar.Append(Primitives).Append('\n').ToString();
    }

    /// <summary>
    /// A grammar for a tool call <c>{"name":"…","arguments":{…}}</c> naming one of <paramref name="tools"/>, with
    /// arguments that follow that tool's parameter schema; with <paramref name="allowText"/>, plain text (not
    /// starting with <c>{</c>) is allowed instead.
    /// </summary>
    /// <example>
    /// <code>
    /// var gbnf = JsonSchemaGrammar.ForToolCall([("get_weather", JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string","maxLength":40}}}""").RootElement)], allowText: false);
    /// </code>
    /// </example>
    public static string ForToolCall(IReadOnlyList<(string Name, JsonElement Parameters)> tools, bool allowText)
    {
        ArgumentNullException.ThrowIfNull(tools);
        if (tools.Count == 0)
        {
            throw new ArgumentException("At least one tool is needed.", nameof(tools));
        }

        var rules = new List<string>();
        var calls = new List<string>();
        for (var i = 0; i < tools.Count; i++)
        {
            var args = Visit(tools[i].Parameters, $"args-{i}", $"tool '{tools[i].Name}' parameters", rules);
            rules.Add($"call-{i} ::= {Literal($"{{\"name\":{JsonSerializer.Serialize(tools[i].Name)},\"arguments\":")} {args} \"}}\"");
            calls.Add($"call-{i}");
        }

        var grammar = new StringBuilder("root ::= ").Append(string.Join(" | ", calls));
        if (allowText)
        {
            grammar.Append(" | [^{\\x00] [^\\x00]*");
        }

        grammar.Append('\n');
        foreach (var r in rules)
        {
            grammar.Append(r).Append('\n');
        }

        return grammar.Append(Primitives).Append('\n').ToString();
    }

    /// <summary>The GBNF expression for <paramref name="schema"/>; named sub-rules go into <paramref name="rules"/>.</summary>
    internal static string Visit(JsonElement schema, string name, string path, List<string> rules)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return "value";
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"JSON schema at {path}: expected an object, found {schema.ValueKind}.", nameof(schema));
        }

        foreach (var unsupported in new[] { "$ref", "pattern", "allOf", "patternProperties", "not" })
        {
            if (schema.TryGetProperty(unsupported, out _))
            {
                throw new ArgumentException($"JSON schema at {path}: '{unsupported}' is not supported for constrained decoding.", nameof(schema));
            }
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return Literal(JsonSerializer.Serialize(constant));
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
            {
                throw new ArgumentException($"JSON schema at {path}: 'enum' must be a non-empty array.", nameof(schema));
            }

            return "( " + string.Join(" | ", values.EnumerateArray().Select(v => Literal(JsonSerializer.Serialize(v)))) + " )";
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var options))
            {
                var alternatives = options.EnumerateArray().Select((s, i) => Visit(s, $"{name}-{i}", $"{path}/{keyword}/{i}", rules));
                return Named(name, "( " + string.Join(" | ", alternatives) + " )", rules);
            }
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? Object(schema, name, path, rules)
                : schema.TryGetProperty("items", out _) ? Array(schema, name, path, rules)
                : "value";
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            return "( " + string.Join(" | ", type.EnumerateArray().Select(t => OfType(t.GetString() ?? "", schema, $"{name}-{t.GetString()}", path, rules))) + " )";
        }

        return OfType(type.GetString() ?? "", schema, name, path, rules);
    }

    private static string OfType(string type, JsonElement schema, string name, string path, List<string> rules) => type switch
    {
        "object" => Object(schema, name, path, rules),
        "array" => Array(schema, name, path, rules),
        "string" => String(schema, path),
        "number" => "number",
        "integer" => "integer",
        "boolean" => "boolean",
        "null" => "\"null\"",
        _ => throw new ArgumentException($"JSON schema at {path}: type '{type}' is not a JSON Schema type.", nameof(schema)),
    };

    private static string Object(JsonElement schema, string name, string path, List<string> rules)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return "object";
        }

        if (!properties.EnumerateObject().Any())
        {
            return "\"{\" \"}\"";
        }

        var members = new List<string>();
        foreach (var p in properties.EnumerateObject())
        {
            var value = Visit(p.Value, $"{name}-{RuleName(p.Name)}", $"{path}/properties/{p.Name}", rules);
            members.Add(Literal(JsonSerializer.Serialize(p.Name)) + " \":\" " + value);
        }

        return Named(name, "\"{\" " + string.Join(" \",\" ", members) + " \"}\"", rules);
    }

    private static string Array(JsonElement schema, string name, string path, List<string> rules)
    {
        var item = schema.TryGetProperty("items", out var items) ? Visit(items, $"{name}-item", $"{path}/items", rules) : "value";
        var min = Count(schema, "minItems", path) ?? 0;
        var max = Count(schema, "maxItems", path);
        if (max < min)
        {
            throw new ArgumentException($"JSON schema at {path}: maxItems is less than minItems.", nameof(schema));
        }

        if (max == 0)
        {
            return "\"[\" \"]\"";
        }

        var rest = max is { } m ? $"( \",\" {item} ){{{Math.Max(min - 1, 0)},{m - 1}}}" : min > 1 ? $"( \",\" {item} ){{{min - 1},}}" : $"( \",\" {item} )*";
        var body = $"{item} {rest}";
        return Named(name, min == 0 ? $"\"[\" ( {body} )? \"]\"" : $"\"[\" {body} \"]\"", rules);
    }

    private static string String(JsonElement schema, string path)
    {
        var min = Count(schema, "minLength", path) ?? 0;
        var max = Count(schema, "maxLength", path);
        if (max < min)
        {
            throw new ArgumentException($"JSON schema at {path}: maxLength is less than minLength.", nameof(schema));
        }

        var chars = max is { } m ? $"char{{{min},{m}}}" : min > 0 ? $"char{{{min},}}" : "char*";
        return max == 0 ? "\"\\\"\\\"\"" : $"\"\\\"\" {chars} \"\\\"\"";
    }

    private static int? Count(JsonElement schema, string keyword, string path)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        return value.TryGetInt32(out var n) && n >= 0 ? n : throw new ArgumentException($"JSON schema at {path}: '{keyword}' must be a non-negative integer.", nameof(schema));
    }

    private static string Named(string name, string body, List<string> rules)
    {
        rules.Add($"{name} ::= {body}");
        return name;
    }

    private static string RuleName(string property)
    {
        var s = new StringBuilder();
        foreach (var c in property)
        {
            s.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return s.Length > 0 ? s.ToString() : "p";
    }

    /// <summary>A GBNF string literal matching exactly <paramref name="text"/>.</summary>
    internal static string Literal(string text)
    {
        var s = new StringBuilder("\"");
        foreach (var c in text)
        {
            s.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return s.Append('"').ToString();
    }
}
