using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Rag;

/// <summary>Adds a groundedness check behind a chat client.</summary>
public static class GroundednessExtensions
{
    /// <summary>Wraps <paramref name="client"/> in a <see cref="GroundednessCheckingChatClient"/> using <paramref name="options"/>.</summary>
    /// <example>
    /// <code>
    /// using IChatClient checkedClient = client.WithGroundednessCheck(new GroundednessOptions { UnsupportedSentences = UnsupportedSentenceAction.Mark });
    /// ChatResponse response = await checkedClient.GetResponseAsync(EvidencePrompt.Build(question, evidence));
    /// </code>
    /// </example>
    public static GroundednessCheckingChatClient WithGroundednessCheck(this IChatClient client, GroundednessOptions? options = null)
        => new(client, options);

}
