using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tools;

/// <summary>
/// The human (or policy) that decides whether a call to an <see cref="ApprovalRequiredAIFunction"/> may run.
/// <see cref="ToolCallingChatClient"/> asks before invoking such a tool and invokes it only on <see langword="true"/>;
/// on <see langword="false"/> the model is told the call was not approved. Only calls that passed the allow-list and
/// the schema check are asked about. An exception thrown here is not turned into a result: it ends the request, so a
/// gate that is down fails closed and visibly.
/// </summary>
/// <example>
/// <code>
/// sealed class ReviewDeskApprover(ReviewDesk desk) : IToolApprover
/// {
///     public ValueTask&lt;bool&gt; ApproveAsync(FunctionCallContent call, CancellationToken cancellationToken) =&gt;
///         desk.AskAsync($"Allow {call.Name}?", cancellationToken);
/// }
/// </code>
/// </example>
public interface IToolApprover
{
    /// <summary>Whether <paramref name="call"/> (its tool name and the arguments the model chose) may be invoked.</summary>
    ValueTask<bool> ApproveAsync(FunctionCallContent call, CancellationToken cancellationToken);
}
