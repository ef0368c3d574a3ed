using System.Text.Json.Nodes;
using NJsonSchema;

namespace HybridAI.Retrieval.Tests.Qdrant;

/// <summary>
/// Qdrant's published OpenAPI document (shared/specs/qdrant-openapi-v1.19.json) as a validator: a request's path and
/// method must be an operation of the spec, its query parameters parameters of that operation, and its JSON body must
/// validate against the operation's requestBody schema; answers are checked against the 200 response schema.
/// The spec's component schemas are loaded once into NJsonSchema, after two rewrites OpenAPI 3.0 needs in JSON Schema:
/// <c>#/components/schemas/X</c> references become <c>#/definitions/X</c>, and <c>nullable: true</c> becomes an explicit
/// <c>null</c> type (left as it is, <c>anyOf: [X, {nullable: true}]</c> would accept anything and check nothing).
/// </summary>
internal sealed class QdrantOpenApi
{
    public const string FileName = "qdrant-openapi-v1.19.json";

    private static readonly Lazy<QdrantOpenApi> LazyShared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly List<Operation> _operations;
    private readonly JsonSchema _root;

    private QdrantOpenApi(List<Operation> operations, JsonSchema root)
    {
        _operations = operations;
        _root = root;
    }

    public static QdrantOpenApi Shared => LazyShared.Value;

    /// <summary>shared/specs/ beside the clone (CI) or above the worktree; the test fails with the paths tried when it is missing.</summary>
    public static string SpecPath
    {
        get
        {
            var tried = new List<string>();
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "specs", FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                tried.Add(candidate);
            }

            throw new FileNotFoundException($"{FileName} was not found in shared/specs above the test folder; tried: {string.Join(", ", tried)}");
        }
    }

    /// <summary>The problems of one request; empty when it conforms.</summary>
    public IReadOnlyList<string> ValidateRequest(string method, string path, IEnumerable<string> queryNames, string? body)
    {
        Operation? operation = Find(method, path);
        if (operation is null)
        {
            return [$"{method} {path} is not an operation of Qdrant's OpenAPI document"];
        }

        var problems = new List<string>();
        foreach (string name in queryNames)
        {
            if (!operation.QueryParameters.Contains(name))
            {
                problems.Add($"{method} {operation.Template}: query parameter '{name}' is not in the spec");
            }
        }

        if (operation.RequestSchema is null)
        {
            if (!string.IsNullOrEmpty(body))
            {
                problems.Add($"{method} {operation.Template} takes no body");
            }

            return problems;
        }

        if (string.IsNullOrEmpty(body))
        {
            problems.Add($"{method} {operation.Template} needs a JSON body");
            return problems;
        }

        problems.AddRange(Validate(operation.RequestSchema, body).Select(e => $"{method} {operation.Template} body: {e}"));
        return problems;
    }

    /// <summary>The problems of a 200 answer to the operation.</summary>
    public IReadOnlyList<string> ValidateResponse(string method, string path, string body)
    {
        Operation? operation = Find(method, path);
        return operation?.ResponseSchema is null ? [] : [.. Validate(operation.ResponseSchema, body).Select(e => $"{method} {operation.Template} answer: {e}")];
    }

    /// <summary>Validates a JSON text against one of the spec's component schemas, by name (e.g. "QueryRequest").</summary>
    public IReadOnlyList<string> ValidateComponent(string schemaName, string json) => Validate(schemaName, json);

    private List<string> Validate(string definition, string json) =>
        [.. _root.Definitions[definition].Validate(json).Select(static e => e.ToString())];

    private Operation? Find(string method, string path)
    {
        string[] segments = path.Trim('/').Split('/');
        return _operations
            .Where(o => o.Method == method && o.Matches(segments))
            .OrderByDescending(static o => o.Segments.Count(static s => !s.StartsWith('{')))
            .FirstOrDefault();
    }

    private static QdrantOpenApi Load()
    {
        JsonObject spec = JsonNode.Parse(File.ReadAllText(SpecPath))!.AsObject();
        var definitions = (JsonObject)spec["components"]!["schemas"]!.DeepClone();
        var operations = new List<Operation>();
        foreach ((string template, JsonNode? item) in spec["paths"]!.AsObject())
        {
            var shared = item!["parameters"] as JsonArray;
            foreach ((string method, JsonNode? op) in item.AsObject())
            {
                if (method == "parameters" || op is not JsonObject operation)
                {
                    continue;
                }

                string key = method.ToUpperInvariant() + " " + template;
                string? request = null;
                if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonNode requestSchema)
                {
                    request = "request " + key;
                    definitions[request] = requestSchema.DeepClone();
                }

                string? response = null;
                if (operation["responses"]?["200"]?["content"]?["application/json"]?["schema"] is JsonNode responseSchema)
                {
                    response = "response " + key;
                    definitions[response] = responseSchema.DeepClone();
                }

                HashSet<string> query = [.. new[] { operation["parameters"] as JsonArray, shared }
                    .SelectMany(static a => a ?? [])
                    .Where(static p => (string?)p!["in"] == "query")
                    .Select(static p => (string)p!["name"]!)];
                operations.Add(new Operation(method.ToUpperInvariant(), template, template.Trim('/').Split('/'), query, request, response));
            }
        }

        Rewrite(definitions);
        var root = new JsonObject { ["definitions"] = definitions };
        JsonSchema schema = JsonSchema.FromJsonAsync(root.ToJsonString()).GetAwaiter().GetResult();
        return new QdrantOpenApi(operations, schema);
    }

    /// <summary>OpenAPI 3.0 → JSON Schema draft 4 as NJsonSchema reads it (see the class summary).</summary>
    private static void Rewrite(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (JsonNode? child in array)
            {
                Rewrite(child);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["$ref"] is JsonValue reference && ((string?)reference)?.StartsWith("#/components/schemas/", StringComparison.Ordinal) == true)
        {
            obj["$ref"] = "#/definitions/" + ((string)reference!)["#/components/schemas/".Length..];
        }

        foreach ((string _, JsonNode? child) in obj.ToList())
        {
            Rewrite(child);
        }

        if (obj["nullable"] is JsonValue nullable && (bool)nullable)
        {
            obj.Remove("nullable");
            if (obj["type"] is JsonValue type)
            {
                obj["type"] = new JsonArray((string)type!, "null");
                if (obj["enum"] is JsonArray values)
                {
                    values.Add(null);
                }
            }
            else if (obj["anyOf"] is JsonArray anyOf)
            {
                anyOf.Add(new JsonObject { ["type"] = "null" });
            }
            else if (obj["$ref"] is JsonNode target)
            {
                obj.Remove("$ref");
                obj["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = target.DeepClone() }, new JsonObject { ["type"] = "null" });
            }
            else if (!obj.ContainsKey("oneOf") && !obj.ContainsKey("allOf"))
            {
                obj["type"] = "null";
            }
        }
    }

    private sealed record Operation(string Method, string Template, string[] Segments, HashSet<string> QueryParameters, string? RequestSchema, string? ResponseSchema)
    {
        public bool Matches(string[] path) =>
            path.Length == Segments.Length && Segments.Zip(path).All(static p => p.First.StartsWith('{') || p.First == Uri.UnescapeDataString(p.Second));
    }
}
