using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Orchestrator.Tests.Support;

/// <summary>The state of the test workflows: a support ticket moving through triage.</summary>
public sealed class Ticket
{
    public string Text { get; set; } = string.Empty;
    public string? Category { get; set; }
    public double Confidence { get; set; }
    public double Urgency { get; set; }
    public int Length { get; set; }
    public List<string> Trail { get; set; } = [];
    public IReadOnlyList<SearchHit> Hits { get; set; } = [];
    public string? Reply { get; set; }
    public bool? Approved { get; set; }
    public string? Reviewer { get; set; }
    public int Loops { get; set; }
}

/// <summary>The same ticket with one more property: its JSON schema differs.</summary>
public sealed class TicketV2
{
    public string Text { get; set; } = string.Empty;
    public string? Category { get; set; }
    public string? Language { get; set; }
}
