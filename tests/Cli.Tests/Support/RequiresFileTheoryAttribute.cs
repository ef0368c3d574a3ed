namespace HybridAI.Cli.Tests.Support;

/// <summary>A theory that needs a data file from a Debian package: skipped when it is missing, except under CI=true, where it fails.</summary>
public sealed class RequiresFileTheoryAttribute : TheoryAttribute
{
    public RequiresFileTheoryAttribute(string path)
    {
        if (!File.Exists(path) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{path} is missing (Debian package; eng/setup-system.sh installs it)";
        }
    }
}
