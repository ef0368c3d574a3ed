namespace HybridAI.Native.LlamaCpp;

/// <summary>One message of a conversation to render with a chat template.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The message text.</param>
public sealed record LlamaChatMessage(string Role, string Content);
