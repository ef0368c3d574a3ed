using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using OpenAIFinishReason = OpenAI.Chat.ChatFinishReason;

namespace HybridAI.Generators.Endpoints;

/// <summary>Maps the OpenAI SDK's completion types back to Microsoft.Extensions.AI.</summary>
internal static class OpenAIChatResponse
{
    public static ChatResponse From(ChatCompletion completion)
    {
        var contents = new List<AIContent>();
        foreach (var part in completion.Content)
        {
            if (part.Kind == ChatMessageContentPartKind.Text)
            {
                contents.Add(new TextContent(part.Text) { RawRepresentation = part });
            }
        }

        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            contents.Add(new ErrorContent(completion.Refusal) { ErrorCode = "refusal" });
        }

        for (var i = 0; i < completion.ToolCalls.Count; i++)
        {
            var call = completion.ToolCalls[i];
            if (string.IsNullOrEmpty(call.FunctionName))
            {
                throw new InvalidDataException($"tool call {i} has no function name");
            }

            var content = ToolCallArguments.Parse(ToolCallArguments.IdOrDefault(call.Id, i), call.FunctionName, call.FunctionArguments?.ToString() ?? "");
            content.RawRepresentation = call;
            contents.Add(content);
        }

        var message = new AIChatMessage(AIChatRole.Assistant, contents) { MessageId = completion.Id, RawRepresentation = completion };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = Usage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    public static AIChatFinishReason? FinishReason(OpenAIFinishReason? reason) => reason switch
    {
        null => null,
        OpenAIFinishReason.Stop => AIChatFinishReason.Stop,
        OpenAIFinishReason.Length => AIChatFinishReason.Length,
        OpenAIFinishReason.ContentFilter => AIChatFinishReason.ContentFilter,
        OpenAIFinishReason.ToolCalls or OpenAIFinishReason.FunctionCall => AIChatFinishReason.ToolCalls,
        var other => new AIChatFinishReason(other.ToString()!),
    };

    public static UsageDetails? Usage(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };
}
