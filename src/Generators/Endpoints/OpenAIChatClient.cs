using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;

namespace HybridAI.Generators.Endpoints;

/// <summary>
/// An <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="ChatClient"/>, for OpenAI and every server
/// that speaks its chat-completions wire format: text, images, tool calls (streamed deltas accumulated into whole
/// calls), JSON and JSON-schema output, usage and finish reason. Failures surface as <see cref="OpenAIEndpointException"/>.
/// </summary>
/// <remarks>
/// The model is the one the SDK client was created for; <see cref="ChatOptions.ModelId"/> and <see cref="ChatOptions.TopK"/>
/// (not part of the wire format) are not sent. A tool call whose arguments are not a JSON object is returned with
/// <see cref="FunctionCallContent.Exception"/> set to a <see cref="ToolArgumentsException"/>, not thrown.
/// </remarks>
/// <example>
/// <code>
/// using IChatClient chat = new OpenAIEndpoint { Model = "gpt-4o-mini", ApiKeyVariable = "OPENAI_API_KEY" }.CreateChatClient();
/// await foreach (var update in chat.GetStreamingResponseAsync("Draft a two-line apology for a late parcel."))
/// {
///     Console.Write(update.Text);
/// }
/// </code>
/// </example>
public sealed class OpenAIChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly EndpointErrors _errors;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Wraps an SDK client you built yourself; <paramref name="endpoint"/> and <paramref name="apiKeyVariable"/> only feed error messages.</summary>
    public OpenAIChatClient(ChatClient client, Uri endpoint, string? apiKeyVariable = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(endpoint);
        _client = client;
        _errors = new EndpointErrors(endpoint, apiKeyVariable);
#pragma warning disable OPENAI001 // Model is marked experimental; it only names the model in the metadata.
        _metadata = new ChatClientMetadata("openai", endpoint, client.Model);
#pragma warning restore OPENAI001
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = OpenAIChatRequest.Messages(messages);
        var settings = OpenAIChatRequest.Options(options);
        var completion = await _errors.RunAsync(
            async () => (await _client.CompleteChatAsync(request, settings, cancellationToken).ConfigureAwait(false)).Value,
            cancellationToken).ConfigureAwait(false);
        try
        {
            return OpenAIChatResponse.From(completion);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The SDK reads choices[0] when its properties are touched; a reply without choices fails there.
            throw _errors.Malformed("the completion has no choices");
        }
        catch (InvalidDataException e)
        {
            throw _errors.Malformed(e.Message);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = OpenAIChatRequest.Messages(messages);
        var settings = OpenAIChatRequest.Options(options);
        var toolCalls = new StreamingToolCalls();
        var finished = false;
        string? responseId = null, modelId = null;
        DateTimeOffset? createdAt = null;

        var updates = _client.CompleteChatStreamingAsync(request, settings, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = updates.ConfigureAwait(false);
        while (await _errors.RunAsync(() => NextAsync(updates), cancellationToken).ConfigureAwait(false))
        {
            var update = updates.Current;
            responseId ??= update.CompletionId;
            modelId ??= update.Model;
            createdAt ??= update.CreatedAt;
            foreach (var delta in update.ToolCallUpdates)
            {
                toolCalls.Add(delta);
            }

            var contents = new List<AIContent>();
            foreach (var part in update.ContentUpdate)
            {
                if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
                {
                    contents.Add(new TextContent(part.Text));
                }
            }

            if (!string.IsNullOrEmpty(update.RefusalUpdate))
            {
                contents.Add(new ErrorContent(update.RefusalUpdate) { ErrorCode = "refusal" });
            }

            if (update.FinishReason is not null)
            {
                finished = true;
                contents.AddRange(CompleteToolCalls(toolCalls));
            }

            if (update.Usage is { } usage)
            {
                contents.Add(new UsageContent(OpenAIChatResponse.Usage(usage)!));
            }

            if (contents.Count == 0 && update.FinishReason is null)
            {
                continue;
            }

            yield return new ChatResponseUpdate(AIChatRole.Assistant, contents)
            {
                ResponseId = responseId,
                MessageId = responseId,
                ModelId = modelId,
                CreatedAt = createdAt,
                FinishReason = OpenAIChatResponse.FinishReason(update.FinishReason),
                RawRepresentation = update,
            };
        }

        if (!finished)
        {
            // A stream that stops without a finish reason was cut off (between events, or mid-event: the SDK drops an
            // event its blank line never ended): what came so far may be half a sentence or half a tool call. A stream
            // that has its finish reason but no closing [DONE] is whole and is accepted; the SDK ends both the same way.
            throw _errors.Malformed("the stream ended before the reply was finished (no finish reason)");
        }
    }

    /// <summary>
    /// The next streamed update. A data line that is not JSON is named as such: the SDK's JSON error would otherwise
    /// read as a bad body, and its message can quote the line (which is model output).
    /// </summary>
    private async Task<bool> NextAsync(IAsyncEnumerator<StreamingChatCompletionUpdate> updates)
    {
        try
        {
            return await updates.MoveNextAsync().ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            throw _errors.Malformed("an event of the stream is not valid JSON (a data line was garbled or cut)");
        }
    }

    private List<AIContent> CompleteToolCalls(StreamingToolCalls toolCalls)
    {
        if (toolCalls.IsEmpty)
        {
            return [];
        }

        return toolCalls.Complete(out var problem) ?? throw _errors.Malformed(problem!);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(ChatClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The SDK client holds no unmanaged state; its transport belongs to whoever created it.
    }
}
