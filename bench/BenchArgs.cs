namespace HybridAI.Benchmarks;

/// <summary>Option parsing and machine facts shared by the hand-timed modes.</summary>
internal static class BenchArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : fallback;
    }

    public static string? Text(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The 1-minute load average (Linux), so that a figure says how busy the machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] + $" on {Environment.ProcessorCount} cores" : "unknown";

    /// <summary>The repository root (the folder holding HybridAI.sln), searched upward from the binary.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("HybridAI.sln not found above " + AppContext.BaseDirectory);
    }
}
