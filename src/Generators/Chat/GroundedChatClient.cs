using System.Runtime.CompilerServices;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Text;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Chat;

/// <summary>
/// A model-free <see cref="IChatClient"/>: answers an <see cref="EvidencePrompt"/> conversation with a
/// <see cref="GroundedDraftWriter"/> reply that quotes and cites the sources. Use it wherever an LLM would
/// go, as the embedded default, or as the fallback when an LLM step fails. A conversation with no
/// evidence gets the "not covered, an agent will follow up" reply.
/// <para>
/// The response carries the <see cref="GroundedDraft"/> in <c>AdditionalProperties["hybridai.draft"]</c>
/// (<see cref="DraftProperty"/>) and whether the evidence covered the question, a <see cref="bool"/>, in
/// <c>AdditionalProperties["hybridai.grounded"]</c> (<see cref="GroundedProperty"/>): false means the reply says the
/// knowledge base does not cover it, and a workflow should route the case to a person. Usage is counted, and <see cref="ChatOptions.MaxOutputTokens"/> caps the quoted
/// sentences (at least one is kept), with the writer's <see cref="GroundedDraftOptions.TokenCounter"/>: exact when it
/// is the tokenizer of the model the reply stands in for, a word-piece estimate when none is set. Slot values may be passed as <see cref="ChatOptions.AdditionalProperties"/> entries
/// named <c>hybridai.slot.&lt;name&gt;</c> (<see cref="SlotPropertyPrefix"/>).
/// </para>
/// </summary>
/// <example>
/// <code>
/// IChatClient client = new GroundedChatClient();
/// ChatResponse response = await client.GetResponseAsync(
///     EvidencePrompt.Build("How long does a refund take?", EvidencePassage.FromHits(hits)));
/// var draft = (GroundedDraft)response.AdditionalProperties![GroundedChatClient.DraftProperty]!;
/// if (response.AdditionalProperties[GroundedChatClient.GroundedProperty] is false) { /* send to the review queue */ }
/// </code>
/// </example>
public sealed class GroundedChatClient : IChatClient
{
    /// <summary>The model id reported on every response.</summary>
    public const string ModelId = "hybridai-grounded-extractive";

    /// <summary>The response's additional-property key holding the <see cref="GroundedDraft"/>.</summary>
    public const string DraftProperty = "hybridai.draft";

    /// <summary>The response's additional-property key holding <see cref="GroundedDraft.Grounded"/> as a <see cref="bool"/>.</summary>
    public const string GroundedProperty = "hybridai.grounded";

    /// <summary>Prefix of <see cref="ChatOptions.AdditionalProperties"/> keys that carry template slot values.</summary>
    public const string SlotPropertyPrefix = "hybridai.slot.";

    private static readonly ChatClientMetadata Metadata = new("hybridai", providerUri: null, defaultModelId: ModelId);

    /// <summary>Creates the client around a writer (a default one when null).</summary>
    /// <param name="writer">The writer that drafts replies.</param>
    public GroundedChatClient(GroundedDraftWriter? writer = null) => Writer = writer ?? new GroundedDraftWriter();

    /// <summary>The writer that drafts replies.</summary>
    public GroundedDraftWriter Writer { get; }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();

        (GroundedDraft draft, bool truncated, UsageDetails usage) = Draft(messages, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, draft.Text))
        {
            ModelId = ModelId,
            FinishReason = truncated ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Usage = usage,
            AdditionalProperties = new AdditionalPropertiesDictionary { [DraftProperty] = draft, [GroundedProperty] = draft.Grounded },
        };
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();

        (GroundedDraft draft, bool truncated, UsageDetails usage) = Draft(messages, options);
        List<string> chunks = Chunk(draft);
        for (int i = 0; i < chunks.Count; i++)
        {
            // Yield between chunks so a consumer cancelling mid-stream is honoured, as with a remote model.
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();

            var update = new ChatResponseUpdate(ChatRole.Assistant, chunks[i]) { ModelId = ModelId };
            if (i == chunks.Count - 1)
            {
                update.Contents.Add(new UsageContent(usage));
                update.FinishReason = truncated ? ChatFinishReason.Length : ChatFinishReason.Stop;
                update.AdditionalProperties = new AdditionalPropertiesDictionary { [DraftProperty] = draft, [GroundedProperty] = draft.Grounded };
            }

            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return Metadata;
        }

        if (serviceType == typeof(GroundedDraftWriter))
        {
            return Writer;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the client holds no unmanaged resources or connections.
    }

    private (GroundedDraft Draft, bool Truncated, UsageDetails Usage) Draft(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        (string question, List<EvidencePassage> evidence) = EvidencePrompt.Parse(list);

        int? budget = null;
        if (options?.MaxOutputTokens is int max)
        {
            if (max < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), max, "ChatOptions.MaxOutputTokens must be at least 1.");
            }

            budget = max;
        }

        GroundedDraft draft = Writer.Write(DraftKind.Reply, question, evidence, inference: null, SlotsFrom(options), template: null, budget, out bool truncated);

        long input = 0;
        foreach (ChatMessage message in list)
        {
            input += message is null ? 0 : Writer.Options.Counter.CountTokens(message.Text);
        }

        long output = Writer.Options.Counter.CountTokens(draft.Text);
        var usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
        return (draft, truncated, usage);
    }

    private static Dictionary<string, string>? SlotsFrom(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { Count: > 0 } properties)
        {
            return null;
        }

        Dictionary<string, string>? slots = null;
        foreach (KeyValuePair<string, object?> property in properties)
        {
            if (!property.Key.StartsWith(SlotPropertyPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (property.Value is not string value)
            {
                throw new ArgumentException($"ChatOptions.AdditionalProperties['{property.Key}'] must be a string.", nameof(options));
            }

            slots ??= new Dictionary<string, string>(StringComparer.Ordinal);
            slots[property.Key[SlotPropertyPrefix.Length..]] = value;
        }

        return slots;
    }

    // Greeting and intro first, then one update per cited sentence, then sources and signature.
    // Without sentences (not grounded, or a template without a body), one update per paragraph.
    private static List<string> Chunk(GroundedDraft draft)
    {
        string text = draft.Text;
        var cuts = new List<int> { 0 };
        if (draft.SentenceOffsets.Length > 0)
        {
            cuts.AddRange(draft.SentenceOffsets);
        }
        else
        {
            for (int at = text.IndexOf("\n\n", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\n\n", at + 2, StringComparison.Ordinal))
            {
                cuts.Add(at + 2);
            }
        }

        cuts.Add(text.Length);
        var chunks = new List<string>();
        for (int i = 1; i < cuts.Count; i++)
        {
            if (cuts[i] > cuts[i - 1])
            {
                chunks.Add(text[cuts[i - 1]..cuts[i]]);
            }
        }

        if (chunks.Count == 0)
        {
            chunks.Add(text);
        }

        return chunks;
    }
}
