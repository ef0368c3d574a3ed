using System.Text.Json;
using Microsoft.Extensions.AI;
using static HybridAI.Hosting.OpenAICompatible.RequestBody;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary>A <c>POST /v1/chat/completions</c> body turned into M.E.AI messages and <see cref="ChatOptions"/>.</summary>
internal sealed record ChatCompletionRequest(string Model, IReadOnlyList<ChatMessage> Messages, ChatOptions Options, bool Stream, bool IncludeUsage)
{
    private static readonly JsonElement EmptyParameters = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();

    public static ChatCompletionRequest Parse(JsonElement body)
    {
        var model = RequiredString(body, "model", "model");
        var messages = ParseMessages(body);
        OptionalInteger(body, "n", 1, 1); // one choice per request is served
        var options = new ChatOptions
        {
            ModelId = model,
            Temperature = (float?)OptionalNumber(body, "temperature", 0, 2),
            TopP = (float?)OptionalNumber(body, "top_p", 0, 1),
            FrequencyPenalty = (float?)OptionalNumber(body, "frequency_penalty", -2, 2),
            PresencePenalty = (float?)OptionalNumber(body, "presence_penalty", -2, 2),
            Seed = OptionalInteger(body, "seed", long.MinValue),
            MaxOutputTokens = (int?)(OptionalInteger(body, "max_completion_tokens", 1, int.MaxValue) ?? OptionalInteger(body, "max_tokens", 1, int.MaxValue)),
            StopSequences = Stop(body),
            ResponseFormat = ResponseFormat(body),
        };
        var tools = Tools(body);
        if (tools.Count > 0)
        {
            options.Tools = tools;
        }

        options.ToolMode = ToolChoice(body, tools);
        var stream = OptionalBool(body, "stream");
        var includeUsage = Optional(body, "stream_options") is { } so
            && (so.ValueKind == JsonValueKind.Object ? OptionalBool(so, "include_usage") : throw Invalid("stream_options", "'stream_options' must be an object."));
        return new ChatCompletionRequest(model, messages, options, stream, includeUsage);
    }

    private static OpenAIRequestException Invalid(string param, string message) => OpenAIRequestException.Invalid(param, message);

    private static List<ChatMessage> ParseMessages(JsonElement body)
    {
        if (Optional(body, "messages") is not { ValueKind: JsonValueKind.Array } array)
        {
            throw Invalid("messages", "'messages' is required: an array of at least one message.");
        }

        var messages = new List<ChatMessage>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"messages[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, $"'{path}' must be an object with a role and content.");
            }

            messages.Add(Message(item, path));
        }

        return messages.Count > 0 ? messages : throw Invalid("messages", "'messages' must hold at least one message.");
    }

    private static ChatMessage Message(JsonElement item, string path)
    {
        var role = RequiredString(item, "role", $"{path}.role");
        var contents = new List<AIContent>();
        switch (role)
        {
            case "system" or "developer" or "user":
                contents.AddRange(Text(item, path, required: true));
                return new ChatMessage(role == "user" ? ChatRole.User : ChatRole.System, contents);
            case "assistant":
                contents.AddRange(Text(item, path, required: false));
                contents.AddRange(ToolCalls(item, path));
                return contents.Count > 0 ? new ChatMessage(ChatRole.Assistant, contents)
                    : throw Invalid($"{path}.content", $"'{path}' needs content or tool_calls.");
            case "tool":
                var callId = RequiredString(item, "tool_call_id", $"{path}.tool_call_id");
                var result = string.Concat(Text(item, path, required: true).Select(t => t.Text));
                return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, result)]);
            default:
                throw Invalid($"{path}.role", $"'{path}.role' must be system, developer, user, assistant or tool.");
        }
    }

    private static List<TextContent> Text(JsonElement item, string path, bool required)
    {
        var content = Optional(item, "content");
        if (content is null)
        {
            return required ? throw Invalid($"{path}.content", $"'{path}.content' is required.") : [];
        }

        if (content.Value.ValueKind == JsonValueKind.String)
        {
            return [new TextContent(content.Value.GetString())];
        }

        if (content.Value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"{path}.content", $"'{path}.content' must be a string or an array of text parts.");
        }

        var parts = new List<TextContent>();
        var j = 0;
        foreach (var part in content.Value.EnumerateArray())
        {
            var partPath = $"{path}.content[{j++}]";
            if (part.ValueKind != JsonValueKind.Object || OptionalString(part, "type", $"{partPath}.type") != "text")
            {
                throw Invalid(partPath, $"'{partPath}' must be a text part ({{\"type\":\"text\",\"text\":...}}); other part types are not served.");
            }

            parts.Add(new TextContent(RequiredString(part, "text", $"{partPath}.text")));
        }

        return parts;
    }

    private static List<FunctionCallContent> ToolCalls(JsonElement item, string path)
    {
        var calls = new List<FunctionCallContent>();
        if (Optional(item, "tool_calls") is not { } array)
        {
            return calls;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"{path}.tool_calls", $"'{path}.tool_calls' must be an array.");
        }

        var j = 0;
        foreach (var call in array.EnumerateArray())
        {
            var callPath = $"{path}.tool_calls[{j++}]";
            if (call.ValueKind != JsonValueKind.Object || Optional(call, "function") is not { ValueKind: JsonValueKind.Object } function)
            {
                throw Invalid(callPath, $"'{callPath}' must be an object with an id and a function.");
            }

            var id = RequiredString(call, "id", $"{callPath}.id");
            var name = RequiredString(function, "name", $"{callPath}.function.name");
            var arguments = OptionalString(function, "arguments", $"{callPath}.function.arguments") ?? "{}";
            calls.Add(new FunctionCallContent(id, name, Arguments(arguments, $"{callPath}.function.arguments")));
        }

        return calls;
    }

    private static Dictionary<string, object?> Arguments(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, $"'{path}' must be a JSON object encoded as a string.");
            }

            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            throw Invalid(path, $"'{path}' is not valid JSON.");
        }
    }

    private static List<string>? Stop(JsonElement body) => Optional(body, "stop") switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => [s.GetString()!],
        { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() <= 4 && a.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            => a.EnumerateArray().Select(e => e.GetString()!).ToList(),
        _ => throw Invalid("stop", "'stop' must be a string or an array of up to 4 strings."),
    };

    private static ChatResponseFormat? ResponseFormat(JsonElement body)
    {
        if (Optional(body, "response_format") is not { } format)
        {
            return null;
        }

        var type = format.ValueKind == JsonValueKind.Object ? OptionalString(format, "type", "response_format.type") : null;
        switch (type)
        {
            case "text":
                return ChatResponseFormat.Text;
            case "json_object":
                return ChatResponseFormat.Json;
            case "json_schema":
                if (Optional(format, "json_schema") is not { ValueKind: JsonValueKind.Object } spec
                    || Optional(spec, "schema") is not { ValueKind: JsonValueKind.Object } schema)
                {
                    throw Invalid("response_format.json_schema.schema", "'response_format.json_schema.schema' is required: a JSON schema object.");
                }

                return ChatResponseFormat.ForJsonSchema(schema.Clone(), OptionalString(spec, "name", "response_format.json_schema.name"),
                    OptionalString(spec, "description", "response_format.json_schema.description"));
            default:
                throw Invalid("response_format.type", "'response_format.type' must be text, json_object or json_schema.");
        }
    }

    private static List<AITool> Tools(JsonElement body)
    {
        var tools = new List<AITool>();
        if (Optional(body, "tools") is not { } array)
        {
            return tools;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("tools", "'tools' must be an array of function tools.");
        }

        var i = 0;
        foreach (var tool in array.EnumerateArray())
        {
            var path = $"tools[{i++}]";
            if (tool.ValueKind != JsonValueKind.Object || OptionalString(tool, "type", $"{path}.type") != "function"
                || Optional(tool, "function") is not { ValueKind: JsonValueKind.Object } function)
            {
                throw Invalid(path, $"'{path}' must be {{\"type\":\"function\",\"function\":{{...}}}}.");
            }

            var name = RequiredString(function, "name", $"{path}.function.name");
            var parameters = Optional(function, "parameters") switch
            {
                null => EmptyParameters,
                { ValueKind: JsonValueKind.Object } p => p.Clone(),
                _ => throw Invalid($"{path}.function.parameters", $"'{path}.function.parameters' must be a JSON schema object."),
            };
            tools.Add(AIFunctionFactory.CreateDeclaration(name, OptionalString(function, "description", $"{path}.function.description"), parameters));
        }

        return tools;
    }

    private static ChatToolMode? ToolChoice(JsonElement body, List<AITool> tools)
    {
        var choice = Optional(body, "tool_choice");
        if (choice is { ValueKind: JsonValueKind.String })
        {
            return choice.Value.GetString() switch
            {
                "none" => ChatToolMode.None,
                "auto" => ChatToolMode.Auto,
                "required" when tools.Count > 0 => ChatToolMode.RequireAny,
                "required" => throw Invalid("tool_choice", "'tool_choice' is required but 'tools' is empty."),
                _ => throw Invalid("tool_choice", "'tool_choice' must be none, auto, required or a named function."),
            };
        }

        if (choice is { ValueKind: JsonValueKind.Object } named)
        {
            var name = Optional(named, "function") is { ValueKind: JsonValueKind.Object } f ? RequiredString(f, "name", "tool_choice.function.name") : null;
            if (name is null || tools.All(t => t.Name != name))
            {
                throw Invalid("tool_choice", "'tool_choice' names a function that is not among 'tools'.");
            }

            return ChatToolMode.RequireSpecific(name);
        }

        return choice is null ? null : throw Invalid("tool_choice", "'tool_choice' must be a string or {\"type\":\"function\",\"function\":{\"name\":...}}.");
    }
}
