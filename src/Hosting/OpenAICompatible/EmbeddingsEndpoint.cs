using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using static HybridAI.Hosting.OpenAICompatible.RequestBody;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary><c>POST /v1/embeddings</c>: <c>input</c> a string or an array of strings; vectors as float arrays or base64.</summary>
internal static class EmbeddingsEndpoint
{
    /// <summary>OpenAI's own limit on inputs per request.</summary>
    public const int MaxInputs = 2048;

    public static async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        using var body = await RequestBody.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var root = body.RootElement;
        var model = RequiredString(root, "model", "model");
        var inputs = Inputs(root);
        var base64 = OptionalString(root, "encoding_format", "encoding_format") switch
        {
            null or "float" => false,
            "base64" => true,
            _ => throw OpenAIRequestException.Invalid("encoding_format", "'encoding_format' must be float or base64."),
        };
        var dimensions = (int?)OptionalInteger(root, "dimensions", 1, int.MaxValue);
        var embedder = ServedModels.Embeddings(context.RequestServices, model);
        if (dimensions is { } wanted && embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions is { } made && made != wanted)
        {
            throw OpenAIRequestException.Invalid("dimensions", $"'dimensions' must be {made} for model '{model}' (or left out).");
        }

        var embeddings = await embedder.GenerateAsync(inputs, new EmbeddingGenerationOptions { ModelId = model, Dimensions = dimensions }, cancellationToken).ConfigureAwait(false);
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        for (var i = 0; i < embeddings.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("object", "embedding");
            json.WriteNumber("index", i);
            var vector = embeddings[i].Vector.Span;
            if (base64)
            {
                json.WriteBase64String("embedding", MemoryMarshal.AsBytes(vector)); // little-endian floats, as OpenAI sends them
            }
            else
            {
                json.WriteStartArray("embedding");
                foreach (var x in vector)
                {
                    json.WriteNumberValue(x);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("model", model);
        var tokens = embeddings.Usage?.InputTokenCount ?? 0;
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", tokens);
        json.WriteNumber("total_tokens", embeddings.Usage?.TotalTokenCount ?? tokens);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<string> Inputs(JsonElement root)
    {
        const string Shape = "'input' is required: a non-empty string or an array of 1 to 2048 non-empty strings (token arrays are not served).";
        switch (Optional(root, "input"))
        {
            case { ValueKind: JsonValueKind.String } one when one.GetString() is { Length: > 0 } text:
                return [text];
            case { ValueKind: JsonValueKind.Array } many when many.GetArrayLength() is > 0 and <= MaxInputs:
                var inputs = new List<string>(many.GetArrayLength());
                var i = 0;
                foreach (var item in many.EnumerateArray())
                {
                    inputs.Add(item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text
                        ? text
                        : throw OpenAIRequestException.Invalid($"input[{i}]", $"'input[{i}]' must be a non-empty string (token arrays are not served)."));
                    i++;
                }

                return inputs;
            default:
                throw OpenAIRequestException.Invalid("input", Shape);
        }
    }
}
