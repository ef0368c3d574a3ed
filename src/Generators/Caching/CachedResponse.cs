using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Caching;

/// <summary>What the cache keeps of a response: its text, finish reason, usage and model id.</summary>
internal sealed record CachedResponse(
    string Text,
    string? FinishReason,
    string? ModelId,
    long? InputTokens,
    long? OutputTokens,
    long? TotalTokens)
{
    public static CachedResponse From(ChatResponse response) => new(
        response.Text,
        response.FinishReason?.Value,
        response.ModelId,
        response.Usage?.InputTokenCount,
        response.Usage?.OutputTokenCount,
        response.Usage?.TotalTokenCount);

    public ChatResponse ToChatResponse()
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, Text))
        {
            FinishReason = FinishReason is null ? null : new ChatFinishReason(FinishReason),
            ModelId = ModelId,
        };
        if (InputTokens is not null || OutputTokens is not null || TotalTokens is not null)
        {
            response.Usage = new UsageDetails { InputTokenCount = InputTokens, OutputTokenCount = OutputTokens, TotalTokenCount = TotalTokens };
        }
        return response;
    }

    public string ToJson() => JsonSerializer.Serialize(this, CachedResponseJson.Default.CachedResponse);

    public static CachedResponse? FromJson(string json) => JsonSerializer.Deserialize(json, CachedResponseJson.Default.CachedResponse);
}

[JsonSerializable(typeof(CachedResponse))]
internal sealed partial class CachedResponseJson : JsonSerializerContext;
