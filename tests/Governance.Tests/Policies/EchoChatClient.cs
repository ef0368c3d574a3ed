using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Tests.Policies;

/// <summary>
/// Stands in for a remote model (none can run here): replies with the text of the last user message, or with
/// <see cref="Reply"/> when set, and counts the calls.
/// </summary>
internal sealed class EchoChatClient : IChatClient
{
    public int Calls { get; private set; }

    public string? Reply { get; init; }

    public List<ChatMessage> LastMessages { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        LastMessages.Clear();
        LastMessages.AddRange(messages);
        var text = Reply ?? LastMessages.Last(m => m.Role == ChatRole.User).Text;
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var word in response.Text.Split(' '))
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
