using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Rag;

/// <summary>An <see cref="EvidencePrompt"/> packed to a token budget, with what went in and what was left out.</summary>
public sealed class PackedPrompt
{
    internal PackedPrompt(IList<ChatMessage> messages, IReadOnlyList<PackedPassage> passages, int promptTokens, int evidenceTokens, int? maxPromptTokens, int? maxEvidenceTokens)
    {
        Messages = messages;
        Passages = passages;
        PromptTokens = promptTokens;
        EvidenceTokens = evidenceTokens;
        MaxPromptTokens = maxPromptTokens;
        MaxEvidenceTokens = maxEvidenceTokens;
        Included = [.. passages.Where(p => p.Outcome != PackingOutcome.Dropped)];
        Truncated = [.. passages.Where(p => p.Outcome == PackingOutcome.Truncated)];
        Dropped = [.. passages.Where(p => p.Outcome == PackingOutcome.Dropped)];
        Evidence = [.. Included.Select(p => p.Passage with { Text = p.Text })];
    }

    /// <summary>The system message (instructions and numbered sources) and the user message (the question), as <see cref="EvidencePrompt.Build"/> writes them.</summary>
    public IList<ChatMessage> Messages { get; }

    /// <summary>Every passage given, in rank order, with its outcome.</summary>
    public IReadOnlyList<PackedPassage> Passages { get; }

    /// <summary>The passages in the prompt (whole or truncated), in marker order: <c>Included[i]</c> is <c>[i + 1]</c>.</summary>
    public IReadOnlyList<PackedPassage> Included { get; }

    /// <summary>The passages in the prompt that were cut at a sentence boundary.</summary>
    public IReadOnlyList<PackedPassage> Truncated { get; }

    /// <summary>The passages left out.</summary>
    public IReadOnlyList<PackedPassage> Dropped { get; }

    /// <summary>The evidence as the prompt shows it, in marker order (truncated texts as cut): what a groundedness check of the answer should compare with.</summary>
    public IReadOnlyList<EvidencePassage> Evidence { get; }

    /// <summary>The prompt's tokens as counted: system message, question and reserved tokens.</summary>
    public int PromptTokens { get; }

    /// <summary>The numbered sources' tokens as counted (the system message's text after the <c>Sources:</c> heading).</summary>
    public int EvidenceTokens { get; }

    /// <summary>The prompt budget packed to, if any.</summary>
    public int? MaxPromptTokens { get; }

    /// <summary>The evidence budget packed to, if any.</summary>
    public int? MaxEvidenceTokens { get; }
}
