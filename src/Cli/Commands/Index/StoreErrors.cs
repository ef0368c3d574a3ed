using HybridAI.Native.OnnxRuntime;
using HybridAI.Retrieval.Stores;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Index;

/// <summary>
/// Runs an index or search action and turns the errors a user can cause (no store, a damaged file, another embedder,
/// an unreadable input file, a bad option) into one red line and <see cref="HybridAICommand.InputError"/>, never a crash.
/// </summary>
internal static class StoreErrors
{
    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IndexStoreException or ArgumentException or InvalidDataException or FileNotFoundException
            or DirectoryNotFoundException or OnnxRuntimeException or UnauthorizedAccessException or IOException or System.Data.Common.DbException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return HybridAICommand.InputError;
        }
        catch (DllNotFoundException e)
        {
            // ONNX Runtime itself is missing: not the user's input at fault.
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }

    /// <summary>
    /// One command is one process and a few searches: an exact scan of every vector is far cheaper than building the
    /// HNSW graph that a long-lived process would amortise.
    /// </summary>
    public static IndexStoreOptions ForOneCommand(string? embedder = null, string? chunker = null, bool checkEveryVector = false) =>
        new() { Embedder = embedder, Chunker = chunker, HnswThreshold = int.MaxValue, CheckEveryVector = checkEveryVector };

    /// <summary>Opens an existing store, or says plainly that there is none at <paramref name="folder"/>.</summary>
    public static Task<IndexStore> OpenAsync(string folder, CancellationToken cancellationToken, bool checkEveryVector = false) =>
        IndexStore.Exists(folder)
            ? IndexStore.OpenAsync(folder, ForOneCommand(checkEveryVector: checkEveryVector), cancellationToken)
            : throw new IndexStoreException($"no index at {folder} (create one with: hybridai index add PATH --store {folder})");
}
