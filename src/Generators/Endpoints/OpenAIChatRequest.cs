using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace HybridAI.Generators.Endpoints;

/// <summary>Maps Microsoft.Extensions.AI messages and options to the OpenAI SDK's request types.</summary>
internal static class OpenAIChatRequest
{
    public static List<OpenAIChatMessage> Messages(IEnumerable<AIChatMessage> messages)
    {
        var result = new List<OpenAIChatMessage>();
        var index = 0;
        foreach (var message in messages)
        {
            if (message is null)
            {
                throw new ArgumentException($"Message {index} is null.", nameof(messages));
            }

            if (message.Role == AIChatRole.System)
            {
                result.Add(new SystemChatMessage(Text(message)) { ParticipantName = message.AuthorName });
            }
            else if (message.Role == AIChatRole.User)
            {
                result.Add(new UserChatMessage(UserParts(message, index)) { ParticipantName = message.AuthorName });
            }
            else if (message.Role == AIChatRole.Assistant)
            {
                result.Add(Assistant(message));
            }
            else if (message.Role == AIChatRole.Tool)
            {
                var results = ToolResults(message.Contents, index).ToList();
                if (results.Count == 0)
                {
                    throw new ArgumentException($"Message {index} has role tool but holds no tool result (FunctionResultContent).", nameof(messages));
                }

                result.AddRange(results);
            }
            else
            {
                throw new ArgumentException($"Message {index} has role '{message.Role}', which OpenAI-compatible endpoints do not accept (system, user, assistant, tool).", nameof(messages));
            }

            // A tool result can also ride on a user or assistant message; the wire format needs its own tool message.
            if (message.Role != AIChatRole.Tool)
            {
                result.AddRange(ToolResults(message.Contents, index));
            }

            index++;
        }

        return result;
    }

    public static ChatCompletionOptions Options(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.FrequencyPenalty = options.FrequencyPenalty;
        result.PresencePenalty = options.PresencePenalty;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK; servers that ignore it are harmless.
        result.Seed = options.Seed;
#pragma warning restore OPENAI001
        foreach (var stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        result.ResponseFormat = options.ResponseFormat switch
        {
            null => null,
            ChatResponseFormatText => OpenAI.Chat.ChatResponseFormat.CreateTextFormat(),
            ChatResponseFormatJson { Schema: { } schema } json => OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription),
            ChatResponseFormatJson => OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat(),
            var other => throw new NotSupportedException($"Response format {other.GetType().Name} is not supported by OpenAI-compatible endpoints."),
        };

        foreach (var tool in options.Tools ?? [])
        {
            result.Tools.Add(tool switch
            {
                AIFunctionDeclaration f => ChatTool.CreateFunctionTool(
                    f.Name, string.IsNullOrEmpty(f.Description) ? null : f.Description, BinaryData.FromString(f.JsonSchema.GetRawText())),
                _ => throw new NotSupportedException($"Tool '{tool.Name}' ({tool.GetType().Name}) is not a function; OpenAI-compatible chat endpoints take function tools only."),
            });
        }

        if (result.Tools.Count > 0)
        {
            result.AllowParallelToolCalls = options.AllowMultipleToolCalls;
            result.ToolChoice = options.ToolMode switch
            {
                null => null,
                NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
                AutoChatToolMode => ChatToolChoice.CreateAutoChoice(),
                RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
                RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
                _ => null,
            };
        }

        return result;
    }

    private static string Text(AIChatMessage message) =>
        string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));

    private static List<ChatMessageContentPart> UserParts(AIChatMessage message, int index)
    {
        var parts = new List<ChatMessageContentPart>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent t:
                    parts.Add(ChatMessageContentPart.CreateTextPart(t.Text));
                    break;
                case DataContent d when d.HasTopLevelMediaType("image"):
                    parts.Add(ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(d.Data), d.MediaType));
                    break;
                case UriContent u when u.HasTopLevelMediaType("image"):
                    parts.Add(ChatMessageContentPart.CreateImagePart(u.Uri));
                    break;
                case FunctionResultContent:
                    break;
                default:
                    throw new NotSupportedException($"Message {index} (user) holds {content.GetType().Name}, which this adapter cannot send; use text or images.");
            }
        }

        if (parts.Count == 0)
        {
            parts.Add(ChatMessageContentPart.CreateTextPart(""));
        }

        return parts;
    }

    private static AssistantChatMessage Assistant(AIChatMessage message)
    {
        var calls = message.Contents.OfType<FunctionCallContent>()
            .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(
                JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions))))
            .ToList();
        var text = Text(message);
        var assistant = calls.Count == 0 ? new AssistantChatMessage(text) : new AssistantChatMessage(calls);
        if (calls.Count > 0 && text.Length > 0)
        {
            assistant.Content.Add(ChatMessageContentPart.CreateTextPart(text));
        }

        assistant.ParticipantName = message.AuthorName;
        return assistant;
    }

    private static IEnumerable<ToolChatMessage> ToolResults(IList<AIContent> contents, int index)
    {
        foreach (var result in contents.OfType<FunctionResultContent>())
        {
            if (string.IsNullOrEmpty(result.CallId))
            {
                throw new ArgumentException($"Message {index} holds a tool result without a call id; it must answer a tool call by its id.", nameof(contents));
            }

            var text = result.Result switch
            {
                null => result.Exception is { } e ? $"Error: {e.Message}" : "",
                string s => s,
                var value => JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType())),
            };
            yield return new ToolChatMessage(result.CallId, text);
        }
    }
}
