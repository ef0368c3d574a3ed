namespace HybridAI.Cli.Tests.Support;

/// <summary>
/// A test against the PostgreSQL server named by HYBRIDAI_POSTGRES_CONNECTION (eng/setup-system.sh): skipped with the
/// reason when the variable is unset, except under CI=true, where the test runs and a missing server fails it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION"))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "HYBRIDAI_POSTGRES_CONNECTION is not set (eng/setup-system.sh writes it to ~/.cache/hybridai/services.env).";
        }
    }
}
