namespace HybridAI.Scenarios.TicketTriage;

/// <summary>What to run scenario 01 on.</summary>
public sealed record TicketTriageRun
{
    /// <summary>A JSONL file of tickets (id, subject, body, and optionally category/priority labels); null runs the golden set.</summary>
    public string? InputPath { get; init; }

    /// <summary>Where to write one JSON result per ticket, in input order; null writes nothing.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Folder for the SQLite files. Default <c>.hybridai/ticket-triage</c> under the current directory.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(".hybridai", "ticket-triage");

    /// <summary>The scenario's data folder; null finds it (see <see cref="ScenarioData.Locate"/>).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>How many tickets are processed at once. Default: the processor count.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The workflow's knobs, among them the retrieval mode (hybrid by default).</summary>
    public TicketTriageOptions Options { get; init; } = new();
}
