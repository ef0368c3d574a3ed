using System.Diagnostics;

namespace HybridAI.Retrieval.Stores;

/// <summary>
/// One open <see cref="IndexStore"/> per folder at a time, across processes: even a search opens the index's writer
/// and trims the vector file to its committed length, which would cut off the vectors another process is appending.
/// .NET takes an advisory flock for <see cref="FileShare.None"/> on Unix (a share lock on Windows), and the OS drops it
/// when the holder dies, so a crashed process never blocks the store.
/// </summary>
internal static class StoreLock
{
    public const string FileName = "store.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <exception cref="IndexStoreException">Another process (or another open store in this one) still holds the folder after <paramref name="timeout"/>.</exception>
    public static async Task<FileStream> AcquireAsync(string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string path = Path.Combine(folder, FileName);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (waited.Elapsed < timeout)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new IndexStoreException(
                    $"The store at '{folder}' is in use by another process (it holds '{path}'); try again when that one has finished.", e);
            }
        }
    }
}
