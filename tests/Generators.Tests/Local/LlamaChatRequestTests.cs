using System.Text.Json;
using HybridAI.Generators.Local;
using HybridAI.Native.LlamaCpp;
using HybridAI.Tests.Gguf;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Local;

public sealed class LlamaChatRequestTests(TinyChatClientFixture tiny) : IClassFixture<TinyChatClientFixture>
{
    private LlamaModel Model => tiny.Client.GetService<LlamaModel>()!;

    [LlamaFact]
    public void System_messages_instructions_and_tools_go_into_one_leading_system_block()
    {
        var tool = AIFunctionFactory.CreateDeclaration("get_time", "Current time.", JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement);
        var request = LlamaChatRequest.Create(Model, [new(ChatRole.System, "Be kind."), new(ChatRole.User, "Hi")], new ChatOptions { Instructions = "Be brief.", Tools = [tool] }, new());
        Assert.StartsWith("[INST] <<SYS>>\nBe kind.\n\nBe brief.\n\nYou may call one of these tools", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("- get_time: Current time.", request.Prompt, StringComparison.Ordinal);
        Assert.EndsWith("Hi [/INST]", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("| [^{", request.Generation.Grammar, StringComparison.Ordinal); // auto mode also allows text
    }

    [LlamaFact]
    public void Tool_calls_and_results_in_the_history_are_rendered_as_text()
    {
        var history = new List<ChatMessage>
        {
            new(ChatRole.User, "Time?"),
            new(ChatRole.Assistant, [new FunctionCallContent("c1", "get_time", new Dictionary<string, object?>())]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "10:00")]),
        };
        var request = LlamaChatRequest.Create(Model, history, null, new());
        Assert.Contains("""{"name":"get_time","arguments":{}}""", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("Result of tool call c1: 10:00", request.Prompt, StringComparison.Ordinal);
        Assert.Null(request.Generation.Grammar);
    }

    [LlamaFact]
    public void Chat_options_override_the_client_sampling_defaults()
    {
        var request = LlamaChatRequest.Create(Model, [new(ChatRole.User, "Hi")], new ChatOptions
        {
            Temperature = 0.3f,
            TopP = 0.5f,
            TopK = 7,
            Seed = 99,
            FrequencyPenalty = 0.2f,
            PresencePenalty = 0.1f,
            MaxOutputTokens = 33,
            StopSequences = ["END"],
            AdditionalProperties = new() { ["min_p"] = 0.2, ["repeat_penalty"] = "1.1" },
        }, new LlamaCppChatClientOptions { Overflow = LlamaContextOverflow.Throw });
        var g = request.Generation;
        Assert.Equal(new LlamaSamplingOptions { Temperature = 0.3f, TopP = 0.5f, TopK = 7, Seed = 99, FrequencyPenalty = 0.2f, PresencePenalty = 0.1f, MinP = 0.2f, RepeatPenalty = 1.1f }, g.Sampling);
        Assert.Equal(33, g.MaxTokens);
        Assert.Equal(["END"], g.StopStrings);
        Assert.Equal(LlamaContextOverflow.Throw, g.Overflow);
    }

    [LlamaFact]
    public void Json_without_a_schema_asks_for_any_object()
    {
        var request = LlamaChatRequest.Create(Model, [new(ChatRole.User, "Hi")], new ChatOptions { ResponseFormat = ChatResponseFormat.Json }, new());
        Assert.Equal(JsonSchemaGrammar.AnyJsonObject, request.Generation.Grammar);
        Assert.Equal(TinyLlamaModel.ChatTemplate, Model.ChatTemplate);
    }
}
