using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>What one run of scenario 01 over a set of tickets produced.</summary>
public sealed record TicketTriageReport
{
    /// <summary>Tickets read from the input.</summary>
    public int Tickets { get; init; }

    /// <summary>Tickets whose workflow run completed or stopped at the review gate.</summary>
    public int Processed { get; init; }

    /// <summary>Tickets answered without a person.</summary>
    public int AutoReplied { get; init; }

    /// <summary>Tickets waiting in the review queue.</summary>
    public int RoutedToReview { get; init; }

    /// <summary>Runs that failed, with the error (workflow, step and run id; no ticket text).</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Input lines that could not be read, each naming file and line.</summary>
    public IReadOnlyList<string> InputErrors { get; init; } = [];

    /// <summary>Predicted category → number of tickets.</summary>
    public IReadOnlyDictionary<string, int> PerCategory { get; init; } = new Dictionary<string, int>();

    /// <summary>Quality against the input's labels, when it has labels.</summary>
    public LabelQuality? CategoryQuality { get; init; }

    /// <summary>Quality of the priority prediction, when the input has labels.</summary>
    public LabelQuality? PriorityQuality { get; init; }

    /// <summary>Per-step latency, in workflow order.</summary>
    public IReadOnlyList<StepLatency> StepLatencies { get; init; } = [];

    /// <summary>How the knowledge base was searched: mode, embedder, and any fallback notice.</summary>
    public RetrievalSetup Retrieval { get; init; } = new(SearchMode.Keyword, "none (keyword only)", null);

    /// <summary><see cref="Writer"/> when no LLM was given.</summary>
    public const string NoModelWriter = "grounded (no model)";

    /// <summary>Who drafted the replies: <see cref="NoModelWriter"/>, or the LLM's provider and model.</summary>
    public string Writer { get; init; } = NoModelWriter;

    /// <summary>Drafts the no-model writer wrote because the LLM failed, by reason (e.g. <c>HTTP 503 from host:port</c>).</summary>
    public IReadOnlyDictionary<string, int> Fallbacks { get; init; } = new Dictionary<string, int>();

    /// <summary>How many drafts fell back to the no-model writer.</summary>
    public int FellBack => Fallbacks.Values.Sum();

    /// <summary>Wall-clock time of the batch.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Throughput of the batch.</summary>
    public double ItemsPerSecond => Elapsed > TimeSpan.Zero ? Processed / Elapsed.TotalSeconds : 0;
}

/// <summary>How well predictions match labels, beside the always-the-most-frequent-label baseline.</summary>
/// <param name="Accuracy">Share of exact matches.</param>
/// <param name="MacroF1">Mean of per-label F1.</param>
/// <param name="BaselineMacroF1">Macro-F1 of always predicting the most frequent training label.</param>
/// <param name="Labelled">Number of labelled tickets measured.</param>
public sealed record LabelQuality(double Accuracy, double MacroF1, double BaselineMacroF1, int Labelled);

/// <summary>Latency of one step over a batch.</summary>
public sealed record StepLatency(string Step, int Count, TimeSpan P50, TimeSpan P95);

/// <summary>How a run searched its knowledge base.</summary>
/// <param name="Mode">Keyword, vector or hybrid.</param>
/// <param name="Embedder">The embedder's model id, or <c>none (keyword only)</c>.</param>
/// <param name="Notice">Why the preferred embedder was not used (one line); null when it was.</param>
public sealed record RetrievalSetup(SearchMode Mode, string Embedder, string? Notice);
