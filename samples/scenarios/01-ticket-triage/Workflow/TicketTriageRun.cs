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

    /// <summary>
    /// An LLM to draft the replies (a local GGUF model, an OpenAI-compatible endpoint…); null: the no-model grounded
    /// writer. An LLM that fails (after the retries of <see cref="TicketTriageOptions.DraftAttempts"/>) falls back to the
    /// grounded writer, and the report counts those drafts by reason. The caller keeps ownership: it is not disposed.
    /// </summary>
    public Microsoft.Extensions.AI.IChatClient? Writer { get; init; }

    /// <summary>The workflow's knobs, among them the retrieval mode (hybrid by default).</summary>
    public TicketTriageOptions Options { get; init; } = new();
}
