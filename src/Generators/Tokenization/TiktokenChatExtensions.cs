using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tokenization;

/// <summary>Counts the prompt tokens of an OpenAI-style chat request.</summary>
public static class TiktokenChatExtensions
{
    /// <summary>
    /// The prompt tokens a chat model is billed for <paramref name="messages"/>, by the rule OpenAI publishes for its
    /// chat models: 3 tokens per message plus its role and text, 1 more plus the name's tokens for a message with an
    /// author name, and 3 that prime the reply. Text only: tool definitions, tool calls and images are not counted.
    /// </summary>
    /// <example>
    /// <code>
    /// int prompt = TiktokenEncoding.ForModel("gpt-4o").CountChatTokens([new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi!")]);
    /// </code>
    /// </example>
    public static int CountChatTokens(this TiktokenEncoding encoding, IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(messages);
        int tokens = 3;
        foreach (ChatMessage message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            tokens += 3 + encoding.CountTokens(message.Role.Value) + encoding.CountTokens(message.Text);
            if (!string.IsNullOrEmpty(message.AuthorName))
            {
                tokens += 1 + encoding.CountTokens(message.AuthorName);
            }
        }

        return tokens;
    }
}
