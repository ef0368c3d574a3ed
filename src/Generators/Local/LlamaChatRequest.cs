using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridAI.Native.LlamaCpp;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Local;

/// <summary>
/// One chat request turned into what the binding needs: the prompt rendered with the model's chat template, the
/// generation options, and (for JSON output or tool calls) the grammar that forces the reply's shape.
/// </summary>
internal sealed record LlamaChatRequest(string Prompt, LlamaGenerationOptions Generation, IReadOnlyList<AIFunctionDeclaration> Tools)
{
    public static LlamaChatRequest Create(LlamaModel model, IEnumerable<ChatMessage> messages, ChatOptions? options, LlamaCppChatClientOptions settings)
    {
        var tools = options?.ToolMode is NoneChatToolMode ? [] : options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        var required = options?.ToolMode as RequiredChatToolMode;
        if (required?.RequiredFunctionName is { } only)
        {
            tools = tools.Where(t => t.Name == only).ToList();
            if (tools.Count == 0)
            {
                throw new ArgumentException($"ToolMode requires the tool '{only}', which is not among ChatOptions.Tools.", nameof(options));
            }
        }

        // All system text goes into one leading system message: many templates accept no other.
        var chat = new List<LlamaChatMessage>();
        var system = new List<string>();
        foreach (var m in messages)
        {
            if (m.Role == ChatRole.System)
            {
                system.Add(m.Text);
            }
            else
            {
                chat.Add(new(m.Role == ChatRole.Assistant ? "assistant" : "user", Content(m)));
            }
        }

        if (options?.Instructions is { Length: > 0 } instructions)
        {
            system.Add(instructions);
        }

        if (tools.Count > 0)
        {
            system.Add(LlamaToolCalls.Instructions(tools, required is not null));
        }

        if (system.Count > 0)
        {
            chat.Insert(0, new("system", string.Join("\n\n", system)));
        }

        string? grammar = null;
        if (tools.Count > 0)
        {
            grammar = LlamaToolCalls.Grammar(tools, allowText: required is null);
        }
        else if (options?.ResponseFormat is ChatResponseFormatJson json)
        {
            grammar = json.Schema is { } schema ? JsonSchemaGrammar.FromSchema(schema) : JsonSchemaGrammar.AnyJsonObject;
        }

        var generation = new LlamaGenerationOptions
        {
            MaxTokens = options?.MaxOutputTokens ?? settings.MaxOutputTokens,
            StopStrings = options?.StopSequences?.ToList() ?? [],
            Sampling = Sampling(settings.Sampling, options),
            Grammar = grammar,
            Overflow = settings.Overflow,
        };
        return new(model.ApplyChatTemplate(chat, addAssistantTurn: true, settings.FallbackChatTemplate), generation, tools);
    }

    private static string Content(ChatMessage m)
    {
        var text = new StringBuilder();
        foreach (var c in m.Contents)
        {
            switch (c)
            {
                case TextContent t:
                    text.Append(t.Text);
                    break;
                case FunctionCallContent call:
                    text.Append(JsonSerializer.Serialize(new { name = call.Name, arguments = call.Arguments }));
                    break;
                case FunctionResultContent result:
                    text.Append(CultureInfo.InvariantCulture, $"Result of tool call {result.CallId}: ")
                        .Append(result.Result is string s ? s : JsonSerializer.Serialize(result.Result));
                    break;
            }
        }

        return text.ToString();
    }

    private static LlamaSamplingOptions Sampling(LlamaSamplingOptions defaults, ChatOptions? options)
    {
        if (options is null)
        {
            return defaults;
        }

        return defaults with
        {
            Temperature = options.Temperature ?? defaults.Temperature,
            TopP = options.TopP ?? defaults.TopP,
            TopK = options.TopK ?? defaults.TopK,
            MinP = Extra(options, "min_p") ?? defaults.MinP,
            RepeatPenalty = Extra(options, "repeat_penalty") ?? defaults.RepeatPenalty,
            FrequencyPenalty = options.FrequencyPenalty ?? defaults.FrequencyPenalty,
            PresencePenalty = options.PresencePenalty ?? defaults.PresencePenalty,
            Seed = options.Seed is { } seed ? unchecked((uint)seed) : defaults.Seed,
        };
    }

    private static float? Extra(ChatOptions options, string key) =>
        options.AdditionalProperties?.TryGetValue(key, out var value) == true
            ? Convert.ToSingle(value, CultureInfo.InvariantCulture)
            : null;
}
