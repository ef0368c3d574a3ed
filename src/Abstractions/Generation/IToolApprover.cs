using Microsoft.Extensions.AI;

namespace HybridAI.Abstractions.Generation;

/// <summary>
/// The human (or policy) that decides whether a call to an <see cref="ApprovalRequiredAIFunction"/> may run.
/// A tool loop (HybridAI's <c>ToolCallingChatClient</c>) asks before invoking such a tool and invokes it only when the
/// answer is <see cref="ToolApproval.IsApproved"/>; otherwise the model is told the call was not approved, and why.
/// Only calls that passed the allow-list and the schema check are asked about. An exception thrown here is not turned
/// into a result: it ends the request, so a gate that is down fails closed and visibly. It lives here, beside the other
/// shared contracts, so that a gate in Governance (the review queue) and the loop in Generators meet without knowing
/// each other.
/// </summary>
/// <example>
/// <code>
/// sealed class ReviewDeskApprover(ReviewDesk desk) : IToolApprover
/// {
///     public async ValueTask&lt;ToolApproval&gt; ApproveAsync(FunctionCallContent call, CancellationToken cancellationToken) =&gt;
///         await desk.AskAsync($"Allow {call.Name}?", cancellationToken) ? ToolApproval.Approved : ToolApproval.Rejected("the desk said no");
/// }
/// </code>
/// </example>
public interface IToolApprover
{
    /// <summary>Whether <paramref name="call"/> (its tool name and the arguments the model chose) may be invoked.</summary>
    ValueTask<ToolApproval> ApproveAsync(FunctionCallContent call, CancellationToken cancellationToken);
}
