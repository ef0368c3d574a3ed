using System.Diagnostics;
using HybridAI.Retrieval.Embeddings;

namespace HybridAI.Retrieval.Tests.Embeddings;

/// <summary>
/// Converts the real 307 MB JSON once per test run, into a temporary folder rather than the machine's cache, so the
/// conversion itself is what is tested; every test in the collection shares the result.
/// </summary>
public sealed class WinkVectorsFixture : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Lazy<WordVectors> _vectors;

    public WinkVectorsFixture()
    {
        BinaryPath = _folder.File(WinkWordVectors.BinaryFileName);
        _vectors = new Lazy<WordVectors>(() =>
        {
            var watch = Stopwatch.StartNew();
            WordVectors.Convert(WinkWordVectors.JsonPath, BinaryPath);
            ConversionTime = watch.Elapsed;
            return WordVectors.Open(BinaryPath);
        });
    }

    public string BinaryPath { get; }

    public TimeSpan ConversionTime { get; private set; }

    public WordVectors Vectors => _vectors.Value;

    public void Dispose()
    {
        if (_vectors.IsValueCreated)
        {
            _vectors.Value.Dispose();
        }

        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class WinkVectorsCollection : ICollectionFixture<WinkVectorsFixture>
{
    public const string Name = "Real wink vectors";
}
