using System.Runtime.CompilerServices;
using HybridAI.Governance.Masking;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Anonymization;

/// <summary>
/// An <see cref="IChatClient"/> decorator: the model sees the request's personal data only as placeholders (or the
/// other operators' output), and the answer, whole or streamed, is checked before the caller gets it: personal data
/// the model wrote is anonymized (a value split across chunks included), and, where policy allows
/// (<see cref="PiiMaskingChatOptions.ReidentifyResponses"/>), the conversation's placeholders become clear values
/// again. Raw representations from the inner client are dropped, since they hold the unchecked text.
/// </summary>
/// <remarks>
/// Pseudonyms are consistent within a conversation: pass the conversation's <see cref="PiiVault"/> with
/// <see cref="PiiMaskingChatClientExtensions.WithPiiScope"/>; without one each call gets a fresh scope, which still
/// numbers a resent history the same way.
/// </remarks>
/// <example>
/// <code>
/// IChatClient chat = openAiClient.AsIChatClient().WithPiiMasking(
///     new Anonymizer(PiiDetector.CreateDefault()), new PiiMaskingChatOptions { ReidentifyResponses = true });
/// var scope = new PiiVault();
/// var answer = await chat.GetResponseAsync("Write to jean.dupont@example.fr", new ChatOptions().WithPiiScope(scope));
/// // the model saw "Write to &lt;EMAIL_1&gt;"; answer.Text has the address back
/// </code>
/// </example>
public sealed class PiiMaskingChatClient : DelegatingChatClient
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key of the conversation's <see cref="PiiVault"/> (removed before the inner client).</summary>
    public const string ScopeKey = "hybridai.pii.scope";

    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key of the data subject's id, a string (removed before the inner client).</summary>
    public const string SubjectKey = "hybridai.pii.subject";

    private readonly Anonymizer _anonymizer;
    private readonly bool _reidentify;
    private readonly int _holdBack;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public PiiMaskingChatClient(IChatClient innerClient, Anonymizer anonymizer, PiiMaskingChatOptions? options = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(anonymizer);
        options ??= new PiiMaskingChatOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HoldBack, 16, nameof(options.HoldBack));
        _anonymizer = anonymizer;
        _reidentify = options.ReidentifyResponses;
        _holdBack = options.HoldBack;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (masked, scope, subject, inner) = Prepare(messages, options);
        var response = await base.GetResponseAsync(masked, inner, cancellationToken).ConfigureAwait(false);
        response.RawRepresentation = null;
        foreach (var message in response.Messages)
        {
            message.RawRepresentation = null;
            for (var i = 0; i < message.Contents.Count; i++)
            {
                message.Contents[i] = message.Contents[i] switch
                {
                    TextContent t => new TextContent(_anonymizer.ProcessAnswer(t.Text ?? string.Empty, scope, subject, _reidentify)) { AdditionalProperties = t.AdditionalProperties },
                    TextReasoningContent r => new TextReasoningContent(_anonymizer.ProcessAnswer(r.Text ?? string.Empty, scope, subject, _reidentify)),
                    var other => other,
                };
            }
        }
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (masked, scope, subject, inner) = Prepare(messages, options);
        var text = _anonymizer.BeginStream(scope, subject, _reidentify, _holdBack);
        var reasoning = _anonymizer.BeginStream(scope, subject, _reidentify, _holdBack);
        ChatResponseUpdate? last = null;
        await foreach (var update in base.GetStreamingResponseAsync(masked, inner, cancellationToken).ConfigureAwait(false))
        {
            last = update;
            var contents = new List<AIContent>(update.Contents.Count);
            var finishing = update.FinishReason is not null;
            string? releasedText = null;
            string? releasedReasoning = null;
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextContent t:
                        releasedText += text.Push(t.Text);
                        break;
                    case TextReasoningContent r:
                        releasedReasoning += reasoning.Push(r.Text);
                        break;
                    default:
                        // Something else (a tool call, usage) comes next: release the held text first, to keep the order.
                        releasedText += text.Complete();
                        releasedReasoning += reasoning.Complete();
                        Add(contents, releasedText, releasedReasoning);
                        releasedText = releasedReasoning = null;
                        contents.Add(content);
                        text = _anonymizer.BeginStream(scope, subject, _reidentify, _holdBack);
                        reasoning = _anonymizer.BeginStream(scope, subject, _reidentify, _holdBack);
                        break;
                }
            }
            if (finishing)
            {
                releasedText += text.Complete();
                releasedReasoning += reasoning.Complete();
            }
            Add(contents, releasedText, releasedReasoning);
            if (contents.Count == 0 && update.Contents.Count > 0 && !finishing)
                continue;
            yield return Rebuild(update, contents);
        }
        var restText = text.Complete();
        var restReasoning = reasoning.Complete();
        if (restText.Length > 0 || restReasoning.Length > 0)
        {
            var contents = new List<AIContent>(2);
            Add(contents, restText, restReasoning);
            var final = Rebuild(last ?? new ChatResponseUpdate(ChatRole.Assistant, (string?)null), contents);
            final.FinishReason = null;
            yield return final;
        }
    }

    private static void Add(List<AIContent> contents, string? text, string? reasoning)
    {
        if (!string.IsNullOrEmpty(reasoning))
            contents.Add(new TextReasoningContent(reasoning));
        if (!string.IsNullOrEmpty(text))
            contents.Add(new TextContent(text));
    }

    private static ChatResponseUpdate Rebuild(ChatResponseUpdate update, List<AIContent> contents)
    {
        var copy = update.Clone();
        copy.Contents = contents;
        copy.RawRepresentation = null;
        return copy;
    }

    private (List<ChatMessage> Messages, PiiVault Scope, string? Subject, ChatOptions? Inner) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        PiiVault? scope = null;
        string? subject = null;
        var inner = options;
        if (options?.AdditionalProperties is { } extra && (extra.ContainsKey(ScopeKey) || extra.ContainsKey(SubjectKey)))
        {
            if (extra.TryGetValue(ScopeKey, out var s))
                scope = s as PiiVault ?? throw new ArgumentException($"ChatOptions.AdditionalProperties[\"{ScopeKey}\"] must be a PiiVault.", nameof(options));
            if (extra.TryGetValue(SubjectKey, out var id))
                subject = id as string ?? throw new ArgumentException($"ChatOptions.AdditionalProperties[\"{SubjectKey}\"] must be a string.", nameof(options));
            // The scope and the subject id stay here: the inner client could send its additional properties to the model.
            inner = options.Clone();
            var kept = new AdditionalPropertiesDictionary(extra);
            kept.Remove(ScopeKey);
            kept.Remove(SubjectKey);
            inner.AdditionalProperties = kept.Count == 0 ? null : kept;
        }
        scope ??= new PiiVault();
        var masked = new List<ChatMessage>();
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            var contents = new List<AIContent>(message.Contents.Count);
            foreach (var content in message.Contents)
            {
                contents.Add(content switch
                {
                    TextContent t => new TextContent(_anonymizer.Anonymize(t.Text ?? string.Empty, scope, subject)) { AdditionalProperties = t.AdditionalProperties },
                    TextReasoningContent r => new TextReasoningContent(_anonymizer.Anonymize(r.Text ?? string.Empty, scope, subject)),
                    FunctionResultContent { Result: string result } f => new FunctionResultContent(f.CallId, _anonymizer.Anonymize(result, scope, subject)),
                    // A structured result (JSON element, object) reaches the model as its JSON text: masked the same way.
                    FunctionResultContent { Result: not null } f => new FunctionResultContent(f.CallId, _anonymizer.Anonymize(ResultJson(f.Result), scope, subject)),
                    var other => other,
                });
            }
            masked.Add(new ChatMessage(message.Role, contents) { AuthorName = message.AuthorName, MessageId = message.MessageId, AdditionalProperties = message.AdditionalProperties });
        }
        return (masked, scope, subject, inner);
    }

    internal static string ResultJson(object result) =>
        System.Text.Json.JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType()));
}
