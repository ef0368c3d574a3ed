using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>
/// What the ticket-triage workflow knows about one ticket as it moves through the steps.
/// Round-trips through System.Text.Json so a run can be checkpointed at the review gate.
/// </summary>
public sealed class TicketState
{
    /// <summary>The ticket's id (T0001…).</summary>
    public string Id { get; set; } = "";

    /// <summary>Subject line as the customer wrote it (masked before any step reads it).</summary>
    public string Subject { get; set; } = "";

    /// <summary>Body as the customer wrote it (masked before any step reads it).</summary>
    public string Body { get; set; } = "";

    /// <summary>Predicted category.</summary>
    public string? Category { get; set; }

    /// <summary>Probability of <see cref="Category"/>.</summary>
    public double CategoryConfidence { get; set; }

    /// <summary>Predicted priority (low, normal, high, urgent).</summary>
    public string? Priority { get; set; }

    /// <summary>Probability of <see cref="Priority"/>.</summary>
    public double PriorityConfidence { get; set; }

    /// <summary>Knowledge-base passages retrieved for the ticket, best first.</summary>
    public List<SearchHit> Evidence { get; set; } = [];

    /// <summary>The drafted reply (PII placeholders, not values).</summary>
    public string? Reply { get; set; }

    /// <summary>Whether every sentence of the reply is backed by a cited KB passage.</summary>
    public bool Grounded { get; set; }

    /// <summary>Why the ticket needs a person, when it does.</summary>
    public string? ReviewReason { get; set; }

    /// <summary>What happened to the reply: <c>auto-reply</c>, <c>review</c>, <c>approved</c> or <c>rejected</c>.</summary>
    public string Route { get; set; } = "";

    /// <summary>The text the classifiers and the retriever read.</summary>
    public string Text => string.IsNullOrEmpty(Subject) ? Body : Subject + "\n" + Body;
}
