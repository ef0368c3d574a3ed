using System.Runtime.CompilerServices;
using System.Text;
using HybridAI.Generators.Chat;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Rag;

/// <summary>
/// Checks every answer of the client it wraps against the numbered sources of the request (an
/// <see cref="EvidencePrompt"/> conversation) and attaches the <see cref="GroundednessReport"/> to the response's
/// <see cref="ChatResponse.AdditionalProperties"/> under <see cref="ReportProperty"/>. With
/// <see cref="GroundednessOptions.UnsupportedSentences"/> set to <see cref="UnsupportedSentenceAction.Mark"/> or
/// <see cref="UnsupportedSentenceAction.Drop"/> it rewrites the last assistant message, marking or removing flagged
/// sentences (the report still describes the text as the model wrote it). Streaming with
/// <see cref="UnsupportedSentenceAction.Keep"/> passes updates through and adds a last update carrying the report;
/// with the other actions the answer is gathered first, then sent rewritten.
/// </summary>
/// <example>
/// <code>
/// IChatClient checkedClient = llm.WithGroundednessCheck(new GroundednessOptions { UnsupportedSentences = UnsupportedSentenceAction.Drop });
/// ChatResponse response = await checkedClient.GetResponseAsync(EvidencePrompt.Build(question, evidence));
/// var report = (GroundednessReport)response.AdditionalProperties![GroundednessCheckingChatClient.ReportProperty]!;
/// </code>
/// </example>
public sealed class GroundednessCheckingChatClient : DelegatingChatClient
{
    /// <summary>The additional-property key of the <see cref="GroundednessReport"/> on responses (and on the last streaming update).</summary>
    public const string ReportProperty = "hybridai.groundedness";

    /// <summary>Wraps <paramref name="innerClient"/>; options are validated now.</summary>
    /// <param name="innerClient">The client whose answers are checked.</param>
    /// <param name="options">Thresholds and what to do with flagged sentences; defaults when null.</param>
    public GroundednessCheckingChatClient(IChatClient innerClient, GroundednessOptions? options = null)
        : base(innerClient) => Checker = new GroundednessChecker(options);

    /// <summary>The checker applied to every answer.</summary>
    public GroundednessChecker Checker { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        ChatResponse response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        Apply(response, list);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        var updates = new List<ChatResponseUpdate>();
        bool passThrough = Checker.Options.UnsupportedSentences == UnsupportedSentenceAction.Keep;
        await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            if (passThrough)
            {
                yield return update;
            }
        }

        ChatResponse response = updates.ToChatResponse();
        GroundednessReport report = Apply(response, list);
        if (passThrough)
        {
            yield return new ChatResponseUpdate
            {
                Role = ChatRole.Assistant,
                ResponseId = response.ResponseId,
                MessageId = updates.Count > 0 ? updates[^1].MessageId : null,
                AdditionalProperties = new AdditionalPropertiesDictionary { [ReportProperty] = report },
            };
            yield break;
        }

        foreach (ChatResponseUpdate update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private GroundednessReport Apply(ChatResponse response, IReadOnlyCollection<ChatMessage> request)
    {
        ChatMessage? answer = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant);
        string text = answer?.Text ?? string.Empty;
        var evidence = EvidencePrompt.Parse(request).Evidence;
        GroundednessReport report = Checker.Check(text, evidence);
        (response.AdditionalProperties ??= [])[ReportProperty] = report;

        // A request without sources (an ordinary chat turn) has nothing to ground in: the report says so, the answer is never rewritten.
        if (answer is not null && evidence.Count > 0 && report.Flagged.Count > 0 && Checker.Options.UnsupportedSentences != UnsupportedSentenceAction.Keep)
        {
            string rewritten = Rewrite(text, report, Checker.Options);
            var contents = new List<AIContent> { new TextContent(rewritten) };
            contents.AddRange(answer.Contents.Where(c => c is not TextContent));
            answer.Contents = contents;
        }

        return report;
    }

    private static string Rewrite(string text, GroundednessReport report, GroundednessOptions options)
    {
        var result = new StringBuilder(text.Length + 32);
        int from = 0;
        foreach (SentenceGrounding sentence in report.Flagged)
        {
            int end = sentence.Start + sentence.Text.Length;
            if (options.UnsupportedSentences == UnsupportedSentenceAction.Mark)
            {
                result.Append(text, from, end - from).Append(' ').Append(options.UnsupportedMarker);
                from = end;
                continue;
            }

            result.Append(text, from, sentence.Start - from);
            from = end;
            while (from < text.Length && text[from] is ' ' or '\t')
            {
                from++; // the space that separated it from the next sentence
            }
        }

        result.Append(text, from, text.Length - from);
        return result.ToString();
    }
}
