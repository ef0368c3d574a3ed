using System.Text.Json;
using Microsoft.Extensions.AI;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary>Writes <c>chat.completion</c> objects and <c>chat.completion.chunk</c> events in OpenAI's wire shape.</summary>
internal static class ChatCompletionJson
{
    public static void WriteCompletion(Utf8JsonWriter json, string id, long created, string model, ChatResponse response)
    {
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        WriteHeader(json, id, "chat.completion", created, model);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
        var calls = contents.OfType<FunctionCallContent>().ToList();
        if (text.Length > 0 || calls.Count == 0)
        {
            json.WriteString("content", text);
        }
        else
        {
            json.WriteNull("content");
        }

        json.WriteNull("refusal");
        if (calls.Count > 0)
        {
            WriteToolCalls(json, calls, indexed: false);
        }

        json.WriteEndObject();
        json.WriteNull("logprobs");
        json.WriteString("finish_reason", FinishReason(response.FinishReason, calls.Count > 0));
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, response.Usage);
        json.WriteEndObject();
    }

    /// <summary>One streamed chunk: the delta of <paramref name="update"/>, and its finish reason when it is the last.</summary>
    public static void WriteChunk(Utf8JsonWriter json, string id, long created, string model, ChatResponseUpdate? update, bool first, string? finishReason)
    {
        WriteHeader(json, id, "chat.completion.chunk", created, model);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("delta");
        if (first)
        {
            json.WriteString("role", "assistant");
        }

        var text = update is null ? "" : string.Concat(update.Contents.OfType<TextContent>().Select(t => t.Text));
        if (text.Length > 0 || (first && finishReason is null))
        {
            json.WriteString("content", text);
        }

        var calls = update?.Contents.OfType<FunctionCallContent>().ToList() ?? [];
        if (calls.Count > 0)
        {
            WriteToolCalls(json, calls, indexed: true);
        }

        json.WriteEndObject();
        json.WriteNull("logprobs");
        if (finishReason is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finishReason);
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The chunk <c>stream_options.include_usage</c> asks for: no choices, only usage.</summary>
    public static void WriteUsageChunk(Utf8JsonWriter json, string id, long created, string model, UsageDetails? usage)
    {
        WriteHeader(json, id, "chat.completion.chunk", created, model);
        json.WriteStartArray("choices");
        json.WriteEndArray();
        WriteUsage(json, usage);
        json.WriteEndObject();
    }

    public static string FinishReason(ChatFinishReason? reason, bool calledTools) =>
        reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : reason == ChatFinishReason.ToolCalls || calledTools ? "tool_calls"
        : "stop";

    private static void WriteHeader(Utf8JsonWriter json, string id, string kind, long created, string model)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", kind);
        json.WriteNumber("created", created);
        json.WriteString("model", model);
        json.WriteNull("system_fingerprint");
    }

    private static void WriteToolCalls(Utf8JsonWriter json, List<FunctionCallContent> calls, bool indexed)
    {
        json.WriteStartArray("tool_calls");
        for (var i = 0; i < calls.Count; i++)
        {
            json.WriteStartObject();
            if (indexed)
            {
                json.WriteNumber("index", i);
            }

            json.WriteString("id", calls[i].CallId);
            json.WriteString("type", "function");
            json.WriteStartObject("function");
            json.WriteString("name", calls[i].Name);
            json.WriteString("arguments", JsonSerializer.Serialize(calls[i].Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteUsage(Utf8JsonWriter json, UsageDetails? usage)
    {
        var prompt = usage?.InputTokenCount ?? 0;
        var completion = usage?.OutputTokenCount ?? 0;
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", prompt);
        json.WriteNumber("completion_tokens", completion);
        json.WriteNumber("total_tokens", usage?.TotalTokenCount ?? prompt + completion);
        json.WriteEndObject();
    }
}
