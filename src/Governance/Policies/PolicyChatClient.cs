using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Policies;

/// <summary>
/// An <see cref="IChatClient"/> that applies a <see cref="WorkflowPolicy"/>: user messages are checked as
/// <see cref="PolicyLocation.Input"/>, tool results as <see cref="PolicyLocation.RetrievedContent"/> (that is where
/// retrieved documents and web pages reach the model), the reply as <see cref="PolicyLocation.Output"/>. Block throws
/// <see cref="PolicyViolationException"/>, Redact rewrites the message (a copy: the caller's list is left alone),
/// RouteToReview lets the call through and lists the violations in the response's
/// <see cref="ChatResponse.AdditionalProperties"/> under <see cref="ViolationsKey"/>. Streaming buffers the reply when
/// the policy checks output, since a redaction or a block cannot be taken back once tokens are sent.
/// </summary>
internal sealed class PolicyChatClient(IChatClient inner, WorkflowPolicy policy) : DelegatingChatClient(inner)
{
    public const string ViolationsKey = ChatClientPolicyExtensions.ViolationsKey;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var violations = new List<PolicyViolation>();
        var checkedMessages = CheckMessages(messages, violations);
        var response = await base.GetResponseAsync(checkedMessages, options, cancellationToken).ConfigureAwait(false);
        CheckResponse(response, violations);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var violations = new List<PolicyViolation>();
        var checkedMessages = CheckMessages(messages, violations);
        if (!ChecksOutput())
        {
            await foreach (var update in base.GetStreamingResponseAsync(checkedMessages, options, cancellationToken).ConfigureAwait(false))
                yield return update;
            yield break;
        }
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(checkedMessages, options, cancellationToken).ConfigureAwait(false))
            updates.Add(update);
        var response = updates.ToChatResponse();
        CheckResponse(response, violations);
        foreach (var update in response.ToChatResponseUpdates())
            yield return update;
    }

    private bool ChecksOutput() => policy.Label is not null || policy.Rules.Any(r => r.Locations.Contains(PolicyLocation.Output));

    private List<ChatMessage> CheckMessages(IEnumerable<ChatMessage> messages, List<PolicyViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<ChatMessage>();
        var item = 0;
        foreach (var message in messages)
        {
            PolicyLocation? location = message.Role == ChatRole.User ? PolicyLocation.Input
                : message.Role == ChatRole.Tool ? PolicyLocation.RetrievedContent : null;
            if (location is not { } where)
            {
                result.Add(message);
                continue;
            }
            var texts = message.Contents.OfType<TextContent>().ToList();
            var tools = message.Contents.OfType<FunctionResultContent>().Where(f => f.Result is not null).ToList();
            if (texts.Count == 0 && tools.Count == 0)
            {
                result.Add(message);
                continue;
            }
            var copy = message.Clone();
            copy.Contents = [.. message.Contents.Select(content => content switch
            {
                TextContent text => new TextContent(Check(text.Text, where, where == PolicyLocation.RetrievedContent ? item++ : 0, violations)),
                FunctionResultContent { Result: string s } f => new FunctionResultContent(f.CallId, Check(s, PolicyLocation.RetrievedContent, item++, violations)),
                // A structured tool result is checked (and passed on) as its JSON text, so injection inside it is seen too.
                FunctionResultContent { Result: not null } f => new FunctionResultContent(f.CallId, Check(Anonymization.PiiMaskingChatClient.ResultJson(f.Result!), PolicyLocation.RetrievedContent, item++, violations)),
                _ => content,
            })];
            result.Add(copy);
        }
        if (violations.Any(v => v.Action == PolicyAction.Block))
            throw new PolicyViolationException(violations);
        return result;
    }

    private string Check(string text, PolicyLocation location, int item, List<PolicyViolation> violations)
    {
        var r = policy.Check(text, location, item);
        violations.AddRange(r.Violations);
        return r.Text;
    }

    private void CheckResponse(ChatResponse response, List<PolicyViolation> violations)
    {
        var last = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant);
        if (last is not null)
        {
            var r = policy.Check(last.Text, PolicyLocation.Output);
            violations.AddRange(r.Violations);
            if (r.IsBlocked)
                throw new PolicyViolationException(violations);
            if (!ReferenceEquals(r.Text, last.Text))
                last.Contents = [.. last.Contents.Where(c => c is not TextContent), new TextContent(r.Text)];
        }
        if (violations.Count > 0)
            (response.AdditionalProperties ??= [])[ViolationsKey] = violations.ToArray();
    }
}
