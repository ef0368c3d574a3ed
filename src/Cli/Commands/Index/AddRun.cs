using System.Globalization;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Stores;

namespace HybridAI.Cli.Commands.Index;

/// <summary>
/// Gathers the documents of one <c>index add</c> run into batches of up to 2,000 documents or 16 Mi characters and
/// commits each batch as one version: a version per small file would pay a vector-file flush per file, and a batch
/// bounds the memory a large JSONL or CSV file costs while it streams in. A document whose id is already in the
/// batch starts a new one (one version cannot hold an id twice), so a later record replaces an earlier one.
/// Batches commit in file order, so the documents of a file that are committed are always its first ones; when a file
/// turns out bad, <see cref="AbandonAsync"/> drops its documents from the open batch and commits the rest.
/// </summary>
/// <remarks>
/// To warn about ids shared between files, the run remembers a 64-bit hash of each id (a few tens of bytes a
/// document, against the kilobytes of the document itself); a hash collision can only cause a spurious warning.
/// </remarks>
internal sealed class AddRun(IndexStore store, TextWriter output)
{
    private const int MaxBatchDocuments = 2_000;
    private const long MaxBatchChars = 16L << 20;

    private readonly List<SourceDocument> _pending = [];
    private readonly HashSet<string> _pendingIds = new(StringComparer.Ordinal);
    private readonly List<AddedFile> _open = [];
    private readonly List<string> _names = [];
    private readonly Dictionary<ulong, int> _fileOfId = [];
    private long _pendingChars;

    /// <summary>Files fully committed.</summary>
    public int Files { get; private set; }

    public long Documents { get; private set; }

    public long Chunks { get; private set; }

    public AddedFile Begin(string relative)
    {
        var file = new AddedFile(relative, _names.Count);
        _names.Add(relative);
        _open.Add(file);
        return file;
    }

    public async Task AddAsync(AddedFile file, SourceDocument document, CancellationToken ct)
    {
        Remember(file, document.Id);
        if (_pendingIds.Contains(document.Id))
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }

        _pending.Add(document);
        _pendingIds.Add(document.Id);
        _pendingChars += document.Text.Length;
        file.Read++;
        file.Pending++;
        if (_pending.Count >= MaxBatchDocuments || _pendingChars >= MaxBatchChars)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the file read whole; it is reported once its last documents are committed. Returns how many documents it had.</summary>
    public async Task<long> EndAsync(AddedFile file, CancellationToken ct)
    {
        file.Ended = true;
        if (file.Read == 0)
        {
            _open.Remove(file);
            await FlushAsync(ct).ConfigureAwait(false);
        }
        else if (file.Pending == 0)
        {
            ReportEnded();
        }

        return file.Read;
    }

    /// <summary>Drops the file's uncommitted documents, commits the earlier files' and returns how many of the file's first documents are committed.</summary>
    public async Task<long> AbandonAsync(AddedFile file, CancellationToken ct)
    {
        for (int i = _pending.Count - file.Pending; i < _pending.Count; i++)
        {
            _pendingIds.Remove(_pending[i].Id);
            _pendingChars -= _pending[i].Text.Length;
        }

        _pending.RemoveRange(_pending.Count - file.Pending, file.Pending);
        file.Pending = 0;
        _open.Remove(file);
        await FlushAsync(ct).ConfigureAwait(false);
        return file.Committed;
    }

    /// <summary>Commits the open batch as one version and prints the counts of each file it completes.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count > 0)
        {
            var counts = await store.UpsertAsync(_pending, ct).ConfigureAwait(false);
            int at = 0;
            foreach (var file in _open)
            {
                long chunks = 0;
                for (int i = 0; i < file.Pending; i++)
                {
                    chunks += counts[at++];
                }

                file.Committed += file.Pending;
                file.Chunks += chunks;
                file.Pending = 0;
                Chunks += chunks;
            }

            Documents += _pending.Count;
            _pending.Clear();
            _pendingIds.Clear();
            _pendingChars = 0;
        }

        ReportEnded();
    }

    private void ReportEnded()
    {
        foreach (var file in _open.Where(f => f.Ended && f.Pending == 0))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Relative}: {file.Committed} documents, {file.Chunks} chunks"));
            Files++;
        }

        _open.RemoveAll(f => f.Ended && f.Pending == 0);
    }

    private void Remember(AddedFile file, string id)
    {
        ulong hash = Fnv1a64(id);
        if (_fileOfId.TryGetValue(hash, out int earlier))
        {
            if (earlier == file.Number)
            {
                file.Repeats++;
            }
            else
            {
                file.Collisions++;
                file.CollidedWith ??= _names[earlier];
            }
        }

        _fileOfId[hash] = file.Number;
    }

    private static ulong Fnv1a64(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
