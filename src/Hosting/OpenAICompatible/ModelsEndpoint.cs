using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{id}</c>: the chat and embedding models served.</summary>
internal static class ModelsEndpoint
{
    public static async Task ListAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        foreach (var id in ServedModels.Ids(context.RequestServices).Distinct(StringComparer.Ordinal))
        {
            WriteModel(json, id);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task GetAsync(HttpContext context, string id)
    {
        if (!ServedModels.Ids(context.RequestServices).Contains(id, StringComparer.Ordinal))
        {
            throw OpenAIRequestException.UnknownModel(id);
        }

        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        WriteModel(json, id);
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteModel(Utf8JsonWriter json, string id)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "model");
        json.WriteNumber("created", 0);
        json.WriteString("owned_by", "hybridai");
        json.WriteEndObject();
    }
}
