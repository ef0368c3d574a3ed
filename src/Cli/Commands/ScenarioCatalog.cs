using HybridAI.Scenarios.TicketTriage;

namespace HybridAI.Cli.Commands;

/// <summary>The scenarios the CLI knows, by name.</summary>
internal static class ScenarioCatalog
{
    public static readonly IReadOnlyList<(string Name, string Folder, string Description)> All =
    [
        (TicketTriageScenario.Name, "01-ticket-triage", TicketTriageScenario.Description),
    ];

    public static bool TryFind(string name, out (string Name, string Folder, string Description) scenario)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Folder, name, StringComparison.OrdinalIgnoreCase))
            {
                scenario = s;
                return true;
            }
        }

        scenario = default;
        return false;
    }

    public static string UnknownMessage(string name) =>
        $"Unknown scenario '{name}'. Known scenarios: {string.Join(", ", All.Select(s => s.Name))} (see 'hybridai scenarios').";
}
