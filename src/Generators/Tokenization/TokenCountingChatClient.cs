using System.Runtime.CompilerServices;
using System.Text;
using HybridAI.Abstractions.Generation;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// Fills in the token usage an inner chat client leaves out (OpenAI-compatible servers that report none, streams
/// without usage), counted with the model's tokenizer, so that budgets, telemetry and cost see real numbers. Counts
/// the inner client reports are kept as they are. Prompt tokens follow OpenAI's per-message rule when the counter is a
/// <see cref="TiktokenEncoding"/>, the sum of the messages' tokens otherwise.
/// </summary>
/// <example>
/// <code>
/// IChatClient client = new TokenCountingChatClient(endpointClient, TokenCounters.ForModel("gpt-4o"));
/// ChatResponse response = await client.GetResponseAsync("Summarise the ticket.");
/// long? tokens = response.Usage?.TotalTokenCount;
/// </code>
/// </example>
public sealed class TokenCountingChatClient : DelegatingChatClient
{
    private readonly ITokenCounter _counter;

    /// <summary>Wraps <paramref name="innerClient"/>, counting with <paramref name="counter"/>.</summary>
    public TokenCountingChatClient(IChatClient innerClient, ITokenCounter counter)
        : base(innerClient) => _counter = counter ?? throw new ArgumentNullException(nameof(counter));

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<ChatMessage> list = [.. messages];
        ChatResponse response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        response.Usage = Complete(response.Usage, list, response.Text);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<ChatMessage> list = [.. messages];
        var text = new StringBuilder();
        UsageDetails? reported = null;
        ChatResponseUpdate? last = null;
        await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Text);
            foreach (AIContent content in update.Contents)
            {
                if (content is UsageContent usage)
                {
                    reported = usage.Details;
                }
            }

            last = update;
            yield return update;
        }

        UsageDetails completed = Complete(reported, list, text.ToString());
        if (!ReferenceEquals(completed, reported))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(completed)])
            {
                ResponseId = last?.ResponseId,
                MessageId = last?.MessageId,
                ModelId = last?.ModelId,
            };
        }
    }

    private UsageDetails Complete(UsageDetails? usage, List<ChatMessage> messages, string output)
    {
        if (usage is { InputTokenCount: not null, OutputTokenCount: not null })
        {
            return usage;
        }

        long input = usage?.InputTokenCount ?? (_counter is TiktokenEncoding encoding
            ? encoding.CountChatTokens(messages)
            : messages.Sum(m => (long)_counter.CountTokens(m.Text)));
        long outputTokens = usage?.OutputTokenCount ?? _counter.CountTokens(output);
        return new UsageDetails
        {
            InputTokenCount = input,
            OutputTokenCount = outputTokens,
            TotalTokenCount = input + outputTokens,
            AdditionalCounts = usage?.AdditionalCounts,
        };
    }
}
