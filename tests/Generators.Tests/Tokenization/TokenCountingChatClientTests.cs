using System.Runtime.CompilerServices;
using HybridAI.Generators.Tokenization;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Tokenization;

public class TokenCountingChatClientTests
{
    private static readonly ChatMessage[] Messages = [new(ChatRole.System, "You answer in one line."), new(ChatRole.User, "What is the refund window?")];

    [TiktokenFact]
    public async Task Fills_in_missing_usage_with_exact_counts()
    {
        TiktokenEncoding encoding = TiktokenEncoding.Get(TiktokenEncoding.O200kBase);
        using var client = new TokenCountingChatClient(new EndpointWithoutUsage(), encoding);

        ChatResponse response = await client.GetResponseAsync(Messages);

        Assert.Equal(encoding.CountChatTokens(Messages), response.Usage!.InputTokenCount);
        Assert.Equal(encoding.CountTokens(EndpointWithoutUsage.Reply), response.Usage.OutputTokenCount);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
    }

    [TiktokenFact]
    public async Task Adds_a_usage_update_to_a_stream_that_has_none()
    {
        TiktokenEncoding encoding = TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase);
        using var client = new TokenCountingChatClient(new EndpointWithoutUsage(), encoding);

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(Messages))
        {
            updates.Add(update);
        }

        UsageContent usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>());
        Assert.Equal(encoding.CountTokens(EndpointWithoutUsage.Reply), usage.Details.OutputTokenCount);
        Assert.Equal(EndpointWithoutUsage.Reply, string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task Keeps_the_counts_an_endpoint_reports()
    {
        var reported = new UsageDetails { InputTokenCount = 11, OutputTokenCount = 7, TotalTokenCount = 18 };
        using var client = new TokenCountingChatClient(new EndpointWithoutUsage(reported), EstimatedTokenCounter.Instance);

        ChatResponse response = await client.GetResponseAsync(Messages);

        Assert.Same(reported, response.Usage);
    }

    [Fact]
    public void Picks_tiktoken_for_openai_models_and_the_estimate_otherwise()
    {
        Assert.Same(EstimatedTokenCounter.Instance, TokenCounters.ForModel("my-local-llama"));
        Assert.Same(EstimatedTokenCounter.Instance, TokenCounters.ForModel(null));
        if (TiktokenAvailability.SkipReason is null)
        {
            Assert.Equal(TiktokenEncoding.O200kBase, Assert.IsType<TiktokenEncoding>(TokenCounters.ForModel("gpt-4o")).Name);
        }
    }

    // Stands in for a remote OpenAI-compatible endpoint that reports no usage (cannot run here); answers one fixed reply.
    private sealed class EndpointWithoutUsage(UsageDetails? usage = null) : IChatClient
    {
        public const string Reply = "Refunds are accepted within 30 days of delivery. 🙂";

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Reply)) { Usage = usage });

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (string word in Reply.Split(' '))
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, word == "Refunds" ? word : " " + word);
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
