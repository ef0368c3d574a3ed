using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tools;

/// <summary>
/// Runs the tool calls a model asks for and sends the results back until the model answers: the
/// function-invocation loop as a decorator over any <see cref="IChatClient"/>. Tools are the <see cref="AIFunction"/>s
/// in <c>ChatOptions.Tools</c>. Before a call runs it must name an offered tool, be granted by
/// <see cref="ToolCallingOptions.AllowedTools"/>, have arguments that fit the tool's JSON schema and, for an
/// <see cref="ApprovalRequiredAIFunction"/>, be approved by <see cref="ToolCallingOptions.Approver"/>. A call that
/// fails a check, or whose tool throws, is answered with an error result the model can read; it never throws here.
/// The returned response holds every message of the exchange (calls, results, the final answer) and the summed usage.
/// </summary>
/// <example>
/// <code>
/// IChatClient chat = new LlamaCppChatClient("model.gguf").WithToolCalling(new ToolCallingOptions
/// {
///     AllowedTools = ["get_order"],
///     MaxIterations = 4,
/// });
/// AIFunction getOrder = AIFunctionFactory.Create((string id) =&gt; orders.Find(id), "get_order");
/// ChatResponse reply = await chat.GetResponseAsync("Where is order 42?", new ChatOptions { Tools = [getOrder] });
/// if (reply.FinishReason == ToolCallingChatClient.IterationLimitReached) { /* the model kept calling tools */ }
/// </code>
/// </example>
public sealed class ToolCallingChatClient : DelegatingChatClient
{
    private readonly ToolCallingOptions _options;
    private readonly ToolCallRunner _runner;

    /// <summary>Wraps <paramref name="innerClient"/>; <paramref name="options"/> defaults to <see cref="ToolCallingOptions"/>' defaults.</summary>
    public ToolCallingChatClient(IChatClient innerClient, ToolCallingOptions? options = null)
        : base(innerClient)
    {
        _options = options ?? new ToolCallingOptions();
        _options.Validate();
        _runner = new ToolCallRunner(_options);
    }

    /// <summary>The finish reason of a response cut off because the model still asked for tools after <see cref="ToolCallingOptions.MaxIterations"/> rounds.</summary>
    public static ChatFinishReason IterationLimitReached { get; } = new("tool_iterations_exhausted");

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<ChatMessage> history = [.. messages];
        var produced = new List<ChatMessage>();
        UsageDetails? usage = null;
        for (int iteration = 0; ; iteration++)
        {
            ChatResponse response = await base.GetResponseAsync(history, options, cancellationToken).ConfigureAwait(false);
            produced.AddRange(response.Messages);
            usage = Sum(usage, response.Usage);
            List<FunctionCallContent> calls = ToolCallRunner.PendingCalls(response.Messages);
            if (calls.Count == 0 || iteration == _options.MaxIterations)
            {
                if (calls.Count > 0)
                {
                    produced.Add(new ChatMessage(ChatRole.Tool, _runner.RefuseOverLimit(calls)));
                    response.FinishReason = IterationLimitReached;
                }

                response.Messages = produced;
                response.Usage = usage;
                return response;
            }

            var results = new ChatMessage(ChatRole.Tool, await _runner.RunAsync(calls, options, cancellationToken).ConfigureAwait(false));
            produced.Add(results);
            (history, options) = NextRequest(history, response.Messages, response.ConversationId, results, options);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<ChatMessage> history = [.. messages];
        var updates = new List<ChatResponseUpdate>();
        for (int iteration = 0; ; iteration++)
        {
            updates.Clear();
            await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(history, options, cancellationToken).ConfigureAwait(false))
            {
                updates.Add(update);
                yield return update;
            }

            ChatResponse response = updates.ToChatResponse();
            List<FunctionCallContent> calls = ToolCallRunner.PendingCalls(response.Messages);
            if (calls.Count == 0)
            {
                yield break;
            }

            bool overLimit = iteration == _options.MaxIterations;
            IList<AIContent> contents = overLimit
                ? _runner.RefuseOverLimit(calls)
                : await _runner.RunAsync(calls, options, cancellationToken).ConfigureAwait(false);
            yield return new ChatResponseUpdate(ChatRole.Tool, contents)
            {
                ResponseId = response.ResponseId,
                MessageId = Guid.NewGuid().ToString("N"),
                FinishReason = overLimit ? IterationLimitReached : null,
            };
            if (overLimit)
            {
                yield break;
            }

            (history, options) = NextRequest(history, response.Messages, response.ConversationId, new ChatMessage(ChatRole.Tool, contents), options);
        }
    }

    /// <summary>
    /// The next request's messages and options. A service that keeps the conversation (a conversation id) gets only
    /// the results; otherwise the whole history is resent. A required tool mode is relaxed to auto after the first
    /// round unless <see cref="ToolCallingOptions.KeepRequiredToolMode"/> is set.
    /// </summary>
    private (List<ChatMessage> History, ChatOptions? Options) NextRequest(
        List<ChatMessage> history, IList<ChatMessage> replies, string? conversationId, ChatMessage results, ChatOptions? options)
    {
        bool relaxMode = !_options.KeepRequiredToolMode && options?.ToolMode is RequiredChatToolMode;
        if (conversationId is null)
        {
            history.AddRange(replies);
            history.Add(results);
        }
        else
        {
            history = [results];
        }

        if (relaxMode || (conversationId is not null && options?.ConversationId != conversationId))
        {
            options = options?.Clone() ?? new ChatOptions();
            if (relaxMode)
            {
                options.ToolMode = ChatToolMode.Auto;
            }

            if (conversationId is not null)
            {
                options.ConversationId = conversationId;
            }
        }

        return (history, options);
    }

    private static UsageDetails? Sum(UsageDetails? total, UsageDetails? next)
    {
        if (next is null)
        {
            return total;
        }

        total ??= new UsageDetails();
        total.Add(next);
        return total;
    }
}
