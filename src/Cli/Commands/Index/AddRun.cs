using System.Globalization;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Stores;

namespace HybridAI.Cli.Commands.Index;

/// <summary>
/// Gathers the files of one <c>index add</c> run into batches and commits each batch as one version: a version per
/// small file would pay a vector-file flush per file. Only whole, checked files enter a batch, and the batch is
/// committed before the run stops at a bad file, so every file before it is in the store and nothing of it is.
/// A file whose ids are already in the batch starts a new one (one version cannot hold an id twice).
/// </summary>
internal sealed class AddRun(IndexStore store, TextWriter output)
{
    private const int MaxBatchDocuments = 2_000;
    private const long MaxBatchChars = 16L << 20;

    private readonly List<(string Relative, IReadOnlyList<SourceDocument> Documents)> _pending = [];
    private readonly HashSet<string> _pendingIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fileOfId = new(StringComparer.Ordinal);
    private long _pendingChars;

    public int Files { get; private set; }

    public long Documents { get; private set; }

    public long Chunks { get; private set; }

    public async Task AddAsync(string relative, IReadOnlyList<SourceDocument> documents, CancellationToken ct)
    {
        if (documents.Any(d => _pendingIds.Contains(d.Id)))
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }

        _pending.Add((relative, documents));
        foreach (var d in documents)
        {
            _pendingIds.Add(d.Id);
            _pendingChars += d.Text.Length;
        }

        if (_pendingIds.Count >= MaxBatchDocuments || _pendingChars >= MaxBatchChars)
        {
            await FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Ids of <paramref name="documents"/> that an earlier file of this run also had, with that file; remembers these ids as <paramref name="relative"/>'s.</summary>
    public IEnumerable<(string Id, string Earlier)> Collisions(string relative, IReadOnlyList<SourceDocument> documents)
    {
        var collisions = new List<(string, string)>();
        foreach (var d in documents)
        {
            if (_fileOfId.TryGetValue(d.Id, out var earlier) && earlier != relative)
            {
                collisions.Add((d.Id, earlier));
            }

            _fileOfId[d.Id] = relative;
        }

        return collisions;
    }

    /// <summary>Commits the pending files as one version and prints each file's counts.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var counts = await store.UpsertAsync([.. _pending.SelectMany(p => p.Documents)], ct).ConfigureAwait(false);
        int at = 0;
        foreach (var (relative, documents) in _pending)
        {
            long chunks = 0;
            for (int i = 0; i < documents.Count; i++)
            {
                chunks += counts[at++];
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{relative}: {documents.Count} documents, {chunks} chunks"));
            Files++;
            Documents += documents.Count;
            Chunks += chunks;
        }

        _pending.Clear();
        _pendingIds.Clear();
        _pendingChars = 0;
    }
}
