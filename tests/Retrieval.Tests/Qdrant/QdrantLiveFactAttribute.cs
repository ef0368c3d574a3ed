namespace HybridAI.Retrieval.Tests.Qdrant;

/// <summary>
/// A test against a real Qdrant server at QDRANT_URL. Skipped when the variable is unset, under CI=true too: no Qdrant
/// server can run on these machines (no image, no package), so its absence is expected there, not a failure.
/// </summary>
internal sealed class QdrantLiveFactAttribute : FactAttribute
{
    public const string Variable = "QDRANT_URL";

    public QdrantLiveFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: no Qdrant server to test against (set it to e.g. http://localhost:6333; QDRANT_API_KEY is sent when set).";
        }
    }
}
