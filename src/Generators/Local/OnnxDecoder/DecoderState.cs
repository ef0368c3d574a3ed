using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>
/// One sequence being decoded: every token fed so far and, with the key/value cache, the last run's outputs, whose
/// <c>present.*</c> tensors are fed back as the next run's <c>past_key_values.*</c> without copying. Not thread-safe.
/// </summary>
internal sealed class DecoderState : IDisposable
{
    public DecoderState(bool useCache) => UseCache = useCache;

    public bool UseCache { get; }

    /// <summary>Every token fed to the model, prompt and generated.</summary>
    public List<int> Tokens { get; } = [];

    /// <summary>The outputs of the last cached run (its presents are the next run's pasts), or null before the first.</summary>
    public OnnxRunResult? Cache { get; private set; }

    /// <summary>How many tokens the cache holds.</summary>
    public int CachedLength { get; private set; }

    public void Advance(OnnxRunResult result, int tokens)
    {
        Cache?.Dispose();
        Cache = result;
        CachedLength += tokens;
    }

    public void Dispose()
    {
        Cache?.Dispose();
        Cache = null;
    }
}
