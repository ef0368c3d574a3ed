using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tools;

/// <summary>Adds the tool-call loop to a chat client.</summary>
public static class ToolCallingChatClientExtensions
{
    /// <summary>
    /// Wraps <paramref name="client"/> in a <see cref="ToolCallingChatClient"/>, so that the tools the model calls are
    /// run (within <paramref name="options"/>' allow-list, approvals and iteration limit) and their results sent back.
    /// </summary>
    /// <example>
    /// <code>
    /// IChatClient chat = endpointClient.WithToolCalling(new ToolCallingOptions { AllowedTools = ["get_order"], Approver = reviewDesk });
    /// </code>
    /// </example>
    public static ToolCallingChatClient WithToolCalling(this IChatClient client, ToolCallingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ToolCallingChatClient(client, options);
    }
}
