namespace HybridAI.Governance.Tests.Support;

/// <summary>
/// A test against the real PostgreSQL server named by HYBRIDAI_POSTGRES_CONNECTION. Skipped only when that is unset and
/// CI is not 'true'; under CI a missing server fails the test instead of hiding it.
/// </summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(ConnectionString) && !ci)
            Skip = "HYBRIDAI_POSTGRES_CONNECTION is unset (source ~/.cache/hybridai/services.env); set CI=true to make this a failure.";
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION");
}
