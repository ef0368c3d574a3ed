using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Caching;

/// <summary>
/// The identity of a request: <see cref="Exact"/> hashes everything that changes the output; <see cref="Partition"/>
/// hashes the same without the last user message's text, so semantic matching only compares requests that differ there.
/// </summary>
internal sealed record CacheKey(string Exact, string Partition, string LastUserText)
{
    /// <summary>Builds the key, or returns <see langword="null"/> when the request must bypass the cache.</summary>
    public static CacheKey? TryCreate(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string? defaultModelId, bool cacheNondeterministic)
    {
        if (!cacheNondeterministic && options is { Temperature: > 0f, Seed: null })
        {
            return null;
        }
        // Only text requests are cached: tool calls and results, images or audio carry state the key would not see.
        if (messages.Count == 0 || messages.Any(m => m.Contents.Any(c => c is not TextContent)))
        {
            return null;
        }
        var last = -1;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                last = i;
                break;
            }
        }
        if (last < 0)
        {
            return null;
        }
        var lastText = messages[last].Text;
        var exact = Hash(messages, options, defaultModelId, omit: -1);
        var partition = Hash(messages, options, defaultModelId, omit: last);
        return new CacheKey(exact, partition, lastText);
    }

    private static string Hash(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string? defaultModelId, int omit)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", options?.ModelId ?? defaultModelId);
            json.WriteStartArray("messages");
            for (var i = 0; i < messages.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("role", messages[i].Role.Value);
                if (i == omit)
                {
                    json.WriteBoolean("omitted", true);
                }
                else
                {
                    json.WriteString("text", messages[i].Text);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteOptions(json, options);
            json.WriteEndObject();
        }
        return Convert.ToHexString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    private static void WriteOptions(Utf8JsonWriter json, ChatOptions? options)
    {
        json.WriteStartObject("options");
        if (options is not null)
        {
            WriteNumber(json, "temperature", options.Temperature);
            WriteNumber(json, "topP", options.TopP);
            WriteNumber(json, "topK", options.TopK);
            WriteNumber(json, "frequencyPenalty", options.FrequencyPenalty);
            WriteNumber(json, "presencePenalty", options.PresencePenalty);
            if (options.MaxOutputTokens is { } max)
            {
                json.WriteNumber("maxOutputTokens", max);
            }
            if (options.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }
            if (options.StopSequences is { Count: > 0 } stops)
            {
                json.WriteStartArray("stop");
                foreach (var stop in stops)
                {
                    json.WriteStringValue(stop);
                }
                json.WriteEndArray();
            }
            switch (options.ResponseFormat)
            {
                case ChatResponseFormatJson format:
                    json.WriteStartObject("responseFormat");
                    json.WriteString("type", "json");
                    json.WriteString("schemaName", format.SchemaName);
                    if (format.Schema is { } schema)
                    {
                        json.WritePropertyName("schema");
                        schema.WriteTo(json);
                    }
                    json.WriteEndObject();
                    break;
                case ChatResponseFormatText:
                    json.WriteString("responseFormat", "text");
                    break;
            }
            if (options.Tools is { Count: > 0 } tools)
            {
                json.WriteStartArray("tools");
                foreach (var name in tools.Select(t => t.Name).Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(name);
                }
                json.WriteEndArray();
            }
        }
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, float? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, v.ToString("R", CultureInfo.InvariantCulture));
        }
    }
}
