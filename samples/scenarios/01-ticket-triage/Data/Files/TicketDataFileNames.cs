namespace HybridAI.Scenarios.TicketTriage.Data.Files;

/// <summary>The file names inside the scenario's <c>data/</c> folder.</summary>
public static class TicketDataFileNames
{
    public const string Train = "tickets.train.jsonl";
    public const string Golden = "tickets.golden.jsonl";
    public const string PlantedPii = "planted-pii.jsonl";
    public const string KnowledgeBaseFolder = "kb";
    public const string Readme = "README.md";
}
