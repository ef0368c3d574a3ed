using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Tools;

/// <summary>
/// A model stand-in that answers each request with the next scripted response (the last one repeats), and keeps
/// every request it received, so tests can see exactly what the loop sent back to the model.
/// </summary>
internal sealed class ScriptedChatClient(params ChatResponse[] script) : IChatClient
{
    private int _next;

    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    public static ChatResponse Calls(params FunctionCallContent[] calls) =>
        new(new ChatMessage(ChatRole.Assistant, [.. calls])) { FinishReason = ChatFinishReason.ToolCalls, Usage = new() { InputTokenCount = 10, OutputTokenCount = 5, TotalTokenCount = 15 } };

    public static ChatResponse Answer(string text) =>
        new(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = ChatFinishReason.Stop, Usage = new() { InputTokenCount = 20, OutputTokenCount = 2, TotalTokenCount = 22 } };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Next(messages, options));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (ChatResponseUpdate update in Next(messages, options).ToChatResponseUpdates())
        {
            await Task.Yield();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private ChatResponse Next(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        Requests.Add(([.. messages], options));
        ChatResponse scripted = script[Math.Min(_next++, script.Length - 1)];
        // A fresh copy each time, so that the loop's edits to one response never leak into the next.
        return new ChatResponse([.. scripted.Messages.Select(m => m.Clone())])
        {
            FinishReason = scripted.FinishReason,
            ConversationId = scripted.ConversationId,
            Usage = scripted.Usage is { } u ? new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount } : null,
        };
    }
}
