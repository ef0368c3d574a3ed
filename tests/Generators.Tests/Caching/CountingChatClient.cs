using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Caching;

/// <summary>An inner client that answers with the call number, so a cached answer is told from a fresh one.</summary>
internal sealed class CountingChatClient : IChatClient
{
    public int Calls { get; private set; }

    public bool CallTool { get; init; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var message = CallTool
            ? new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "lookup")])
            : new ChatMessage(ChatRole.Assistant, $"answer {Calls} to {messages.Last().Text}");
        return Task.FromResult(new ChatResponse(message)
        {
            FinishReason = ChatFinishReason.Stop,
            ModelId = "counting",
            Usage = new UsageDetails { InputTokenCount = 3, OutputTokenCount = 4, TotalTokenCount = 7 },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls++;
        foreach (var word in new[] { "streamed ", $"answer {Calls}" })
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word) { MessageId = "m1" };
        }
        yield return new ChatResponseUpdate { FinishReason = ChatFinishReason.Stop, MessageId = "m1" };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

/// <summary>A deterministic embedder: letter counts of the text, so texts sharing most letters are close.</summary>
internal sealed class LetterCountEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            var vector = new float[26];
            foreach (var c in value.ToUpperInvariant())
            {
                if (c is >= 'A' and <= 'Z')
                {
                    vector[c - 'A']++;
                }
            }
            result.Add(new Embedding<float>(vector));
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
