using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary>Writes <c>{"error":{"message","type","param","code"}}</c>, the error body every OpenAI client parses.</summary>
internal static class OpenAIError
{
    public const string ServerErrorMessage = "The server failed to complete the request; its log has the details.";

    public static void Write(Utf8JsonWriter json, string message, string type, string? param, string? code)
    {
        json.WriteStartObject();
        json.WriteStartObject("error");
        json.WriteString("message", message);
        json.WriteString("type", type);
        WriteNullable(json, "param", param);
        WriteNullable(json, "code", code);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static Task WriteAsync(HttpContext context, OpenAIRequestException error) =>
        WriteAsync(context, error.Status, error.Message, error.Type, error.Param, error.Code);

    public static async Task WriteAsync(HttpContext context, int status, string message, string type, string? param, string? code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        Write(json, message, type, param, code);
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
