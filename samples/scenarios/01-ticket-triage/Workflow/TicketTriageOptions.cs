namespace HybridAI.Scenarios.TicketTriage;

/// <summary>Knobs of the ticket-triage workflow.</summary>
public sealed record TicketTriageOptions
{
    /// <summary>A ticket whose category probability is below this goes to a person. Default 0.45.</summary>
    public double MinCategoryConfidence { get; init; } = 0.45;

    /// <summary>Priorities that always go to a person. Default: urgent.</summary>
    public IReadOnlySet<string> ReviewPriorities { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "urgent" };

    /// <summary>How many KB passages ground a reply. Default 3.</summary>
    public int EvidenceCount { get; init; } = 3;

    /// <summary>Time allowed for drafting a reply before falling back to the no-model writer. Default 30 s.</summary>
    public TimeSpan DraftTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
