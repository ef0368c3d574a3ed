namespace HybridAI.Scenarios.TicketTriage;

/// <summary>Finds the scenario's data folder.</summary>
public static class ScenarioData
{
    /// <summary>Environment variable that points at a data folder holding tickets.*.jsonl and kb/.</summary>
    public const string EnvironmentVariable = "HYBRIDAI_TICKET_TRIAGE_DATA";

    private const string RelativeToRepository = "samples/scenarios/01-ticket-triage/data";

    /// <summary>
    /// Returns, in order: <paramref name="explicitPath"/>; the folder named by
    /// <see cref="EnvironmentVariable"/>; the copy beside the executable
    /// (<c>scenarios/01-ticket-triage/data</c>); the repository's folder above the executable.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Naming every place searched.</exception>
    public static string Locate(string? explicitPath = null)
    {
        var tried = new List<string>();
        foreach (var candidate in Candidates(explicitPath))
        {
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(candidate, "tickets.golden.jsonl")))
            {
                return Path.GetFullPath(candidate);
            }

            tried.Add(candidate);
        }

        throw new DirectoryNotFoundException(
            "Scenario 01 data not found (a folder with tickets.golden.jsonl). Looked in: " + string.Join(", ", tried) +
            $". Set {EnvironmentVariable} or pass the folder.");
    }

    /// <summary>
    /// The data folder of the repository this program runs from (found by walking up from the current
    /// directory, then from the executable, to <c>HybridAI.sln</c>); null outside a clone.
    /// </summary>
    public static string? RepositoryFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
                {
                    return Path.Combine(dir.FullName, RelativeToRepository);
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            yield return explicitPath;
            yield break;
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            yield return fromEnvironment;
        }

        yield return Path.Combine(AppContext.BaseDirectory, "scenarios", "01-ticket-triage", "data");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            {
                yield return Path.Combine(dir.FullName, RelativeToRepository);
                yield break;
            }
        }
    }
}
