using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridAI.Orchestrator.Tests.Support;

/// <summary>Stands for a remote LLM: answers with fixed chunks, one token each, and reports usage.</summary>
public sealed class ScriptedChatClient(params string[] chunks) : IChatClient
{
    public int Calls { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(chunks)))
        {
            ModelId = "scripted-1",
            Usage = new UsageDetails { InputTokenCount = messages.Count(), OutputTokenCount = chunks.Length },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls++;
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { ModelId = "scripted-1" };
        }
        yield return new ChatResponseUpdate { Contents = [new UsageContent(new UsageDetails { InputTokenCount = 1, OutputTokenCount = chunks.Length })] };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
