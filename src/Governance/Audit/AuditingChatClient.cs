using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;
using HybridAI.Orchestrator;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Audit;

/// <summary>
/// Records every call to the wrapped model in the audit trail: a ModelCall event with the prompt and the reply
/// (personal data masked by the detector), the context ids the caller gave
/// (<c>ChatOptions.AdditionalProperties["hybridai.context_ids"]</c>), the token counts the model reported, the model
/// id and the duration; and a ToolCall event for each tool result sent back to the model (tool name, ok or error,
/// masked result; never the raw arguments). Inside a workflow step wrapped by <see cref="AuditMiddleware"/> the
/// events carry the step's run; elsewhere the run id is <c>ChatOptions.ConversationId</c> (or <c>-</c>).
/// </summary>
/// <example>
/// <code>
/// await using var audit = new SqliteAuditLog("audit.db");
/// IChatClient model = new OpenAIClient(key).GetChatClient("gpt-4o-mini").AsIChatClient()
///     .WithAudit(audit, PiiDetector.CreateDefault());
/// var reply = await model.GetResponseAsync("Summarise the ticket from jane@example.com");
/// // audit.db now holds: prompt "user: Summarise the ticket from &lt;EMAIL&gt;", the masked reply, token counts.
/// </code>
/// </example>
public sealed class AuditingChatClient : DelegatingChatClient
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key under which callers name the context they gave the model.</summary>
    public const string ContextIdsProperty = "hybridai.context_ids";

    private const int MaxToolResultChars = 2000;
    private const int MaxPendingCalls = 4096;

    private readonly IAuditSink _sink;
    private readonly IPiiDetector _detector;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string Name, long Started)> _pendingCalls = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The model.</param>
    /// <param name="sink">Where events go.</param>
    /// <param name="detector">Masks personal data in prompts, replies and tool results (required: prompts are full of it).</param>
    /// <param name="time">The clock for timestamps and durations; <see cref="TimeProvider.System"/> when null.</param>
    public AuditingChatClient(IChatClient innerClient, IAuditSink sink, IPiiDetector detector, TimeProvider? time = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(detector);
        _sink = sink;
        _detector = detector;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var prompt = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        await RecordToolResultsAsync(prompt, options).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(prompt, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(prompt, options, ex, started).ConfigureAwait(false);
            throw;
        }
        await RecordAsync(prompt, options, response, started).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var prompt = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        await RecordToolResultsAsync(prompt, options).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        var updates = new List<ChatResponseUpdate>();
        await using var stream = base.GetStreamingResponseAsync(prompt, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await stream.MoveNextAsync().ConfigureAwait(false))
                    break;
                update = stream.Current;
            }
            catch (Exception ex)
            {
                await RecordFailureAsync(prompt, options, ex, started).ConfigureAwait(false);
                throw;
            }
            updates.Add(update);
            yield return update;
        }
        await RecordAsync(prompt, options, updates.ToChatResponse(), started).ConfigureAwait(false);
    }

    private async ValueTask RecordAsync(IReadOnlyList<ChatMessage> prompt, ChatOptions? options, ChatResponse response, long started)
    {
        var elapsed = _time.GetElapsedTime(started);
        await _sink.WriteAsync(Create(AuditEventType.ModelCall, options, elapsed) with
        {
            Model = response.ModelId ?? options?.ModelId ?? (GetService(typeof(ChatClientMetadata)) as ChatClientMetadata)?.DefaultModelId,
            Prompt = Mask(Render(prompt)),
            Output = Mask(Render(response.Messages)),
            ContextIds = ContextIds(options),
            InputTokens = response.Usage?.InputTokenCount,
            OutputTokens = response.Usage?.OutputTokenCount,
            Outcome = response.FinishReason?.Value,
        }).ConfigureAwait(false);
        var now = _time.GetTimestamp();
        foreach (var message in response.Messages)
        {
            foreach (var call in message.Contents.OfType<FunctionCallContent>())
            {
                if (_pendingCalls.Count >= MaxPendingCalls)
                    _pendingCalls.Clear(); // calls whose results never came back
                _pendingCalls[call.CallId] = (call.Name, now);
            }
        }
    }

    private ValueTask RecordFailureAsync(IReadOnlyList<ChatMessage> prompt, ChatOptions? options, Exception ex, long started) =>
        _sink.WriteAsync(Create(AuditEventType.ModelCall, options, _time.GetElapsedTime(started)) with
        {
            Model = options?.ModelId ?? (GetService(typeof(ChatClientMetadata)) as ChatClientMetadata)?.DefaultModelId,
            Prompt = Mask(Render(prompt)),
            ContextIds = ContextIds(options),
            Outcome = "error",
            ErrorType = ex.GetType().FullName,
            ErrorMessage = Mask(ex.Message),
        });

    /// <summary>Tool results in the messages after the last assistant message are new: the tools ran since the previous call.</summary>
    private async ValueTask RecordToolResultsAsync(IReadOnlyList<ChatMessage> prompt, ChatOptions? options)
    {
        var first = prompt.Count;
        while (first > 0 && prompt[first - 1].Role != ChatRole.Assistant)
            first--;
        if (first == 0)
            return; // no assistant message yet: no tool has been asked for
        for (var i = first; i < prompt.Count; i++)
        {
            foreach (var result in prompt[i].Contents.OfType<FunctionResultContent>())
            {
                var duration = TimeSpan.Zero;
                string name;
                if (_pendingCalls.TryRemove(result.CallId, out var pending))
                {
                    name = pending.Name;
                    duration = _time.GetElapsedTime(pending.Started);
                }
                else
                {
                    name = FindCallName(prompt, result.CallId) ?? "unknown";
                }
                var failed = result.Exception is not null;
                await _sink.WriteAsync(Create(AuditEventType.ToolCall, options, duration) with
                {
                    Outcome = $"tool={name} {(failed ? "error" : "ok")}",
                    Actor = name,
                    Output = result.Result is null ? null : Mask(Truncate(result.Result.ToString() ?? "")),
                    ErrorType = result.Exception?.GetType().FullName,
                    ErrorMessage = result.Exception is null ? null : Mask(result.Exception.Message),
                }).ConfigureAwait(false);
            }
        }
    }

    private static string? FindCallName(IReadOnlyList<ChatMessage> prompt, string callId)
    {
        for (var i = prompt.Count - 1; i >= 0; i--)
        {
            foreach (var call in prompt[i].Contents.OfType<FunctionCallContent>())
            {
                if (call.CallId == callId)
                    return call.Name;
            }
        }
        return null;
    }

    private AuditEvent Create(AuditEventType type, ChatOptions? options, TimeSpan duration)
    {
        var step = AuditScope.Current;
        var run = step?.Run;
        return new AuditEvent
        {
            Timestamp = _time.GetUtcNow(),
            RunId = run?.RunId ?? options?.ConversationId ?? "-",
            Workflow = run?.WorkflowName ?? "-",
            WorkflowVersion = run?.WorkflowVersion ?? "-",
            Step = step?.StepName,
            StepIndex = step?.StepIndex ?? -1,
            Kind = step?.Kind ?? StepKind.Generate,
            EventType = type,
            Duration = duration,
        };
    }

    /// <summary>Each message as <c>role: text</c>; a tool call shows the tool's name only, a tool result only that there was one.</summary>
    private static string Render(IEnumerable<ChatMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            if (text.Length > 0)
                text.Append('\n');
            text.Append(message.Role.Value).Append(": ");
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent t:
                        text.Append(t.Text);
                        break;
                    case FunctionCallContent call:
                        text.Append("[call ").Append(call.Name).Append(']');
                        break;
                    case FunctionResultContent:
                        text.Append("[tool result]");
                        break;
                }
            }
        }
        return text.ToString();
    }

    private static string? ContextIds(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.TryGetValue(ContextIdsProperty, out var value))
            return null;
        return value switch
        {
            null => null,
            string s => s,
            IEnumerable<string> ids => string.Join(',', ids),
            _ => throw new ArgumentException($"ChatOptions.AdditionalProperties['{ContextIdsProperty}'] must be a string or a list of strings.", nameof(options)),
        };
    }

    private static string Truncate(string text) => text.Length <= MaxToolResultChars ? text : string.Concat(text.AsSpan(0, MaxToolResultChars), "…");

    private string Mask(string text) => text.Length == 0 ? text : PiiRedaction.Redact(text, _detector);
}
