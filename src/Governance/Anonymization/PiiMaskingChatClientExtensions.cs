using HybridAI.Governance.Masking;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Anonymization;

/// <summary>Adds PII masking to any <see cref="IChatClient"/>.</summary>
public static class PiiMaskingChatClientExtensions
{
    /// <summary>Wraps <paramref name="client"/> in a <see cref="PiiMaskingChatClient"/>.</summary>
    /// <example>
    /// <code>
    /// IChatClient chat = inner.WithPiiMasking(new Anonymizer(PiiDetector.CreateDefault()));
    /// </code>
    /// </example>
    public static IChatClient WithPiiMasking(this IChatClient client, Anonymizer anonymizer, PiiMaskingChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new PiiMaskingChatClient(client, anonymizer, options);
    }

    /// <summary>Sets the conversation's pseudonym scope (and, optionally, whose data it is) for a <see cref="PiiMaskingChatClient"/>; returns <paramref name="options"/>.</summary>
    /// <example>
    /// <code>
    /// var scope = new PiiVault();   // keep it for the whole conversation
    /// var answer = await chat.GetResponseAsync(history, new ChatOptions().WithPiiScope(scope, subject: "customer-42"));
    /// </code>
    /// </example>
    public static ChatOptions WithPiiScope(this ChatOptions options, PiiVault scope, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scope);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PiiMaskingChatClient.ScopeKey] = scope;
        if (subject is not null)
            options.AdditionalProperties[PiiMaskingChatClient.SubjectKey] = subject;
        return options;
    }
}
