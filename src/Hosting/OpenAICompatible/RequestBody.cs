using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary>Reads a request body as one JSON object, and typed fields of it with errors that name the field.</summary>
internal static class RequestBody
{
    public static async Task<JsonDocument> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            // JsonException's own message quotes the offending character; the position is enough and echoes nothing.
            throw OpenAIRequestException.Invalid("body", $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw OpenAIRequestException.Invalid("body", "The request body must be a JSON object.");
        }

        return document;
    }

    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string RequiredString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) ?? throw OpenAIRequestException.Invalid(path, $"'{path}' is required.");

    public static string? OptionalString(JsonElement parent, string name, string path) => Optional(parent, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        _ => throw OpenAIRequestException.Invalid(path, $"'{path}' must be a string."),
    };

    public static bool OptionalBool(JsonElement parent, string name) => Optional(parent, name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw OpenAIRequestException.Invalid(name, $"'{name}' must be true or false."),
    };

    public static double? OptionalNumber(JsonElement parent, string name, double min, double max)
    {
        if (Optional(parent, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || value.GetDouble() is var number && (number < min || number > max))
        {
            throw OpenAIRequestException.Invalid(name, $"'{name}' must be a number from {min} to {max}.");
        }

        return number;
    }

    public static long? OptionalInteger(JsonElement parent, string name, long min, long max = long.MaxValue)
    {
        if (Optional(parent, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            throw OpenAIRequestException.Invalid(name, max == long.MaxValue
                ? $"'{name}' must be an integer of at least {min}."
                : $"'{name}' must be an integer from {min} to {max}.");
        }

        return number;
    }
}
