using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace HybridAI.Generators.Caching;

/// <summary>
/// The embeddings of one cache partition (of one length) held in memory, so a semantic look-up is a pass of dot products
/// over one contiguous array instead of a read of every row from SQLite. Vectors are stored unit-length, so the dot
/// product is the cosine similarity. Each slot remembers the row's <c>rowid</c> and <c>seq</c>: the store fetches the
/// answer by both, so a row replaced or removed by another writer since it was read here is noticed and dropped.
/// </summary>
/// <remarks>
/// Memory: 4 bytes per dimension plus about 56 bytes per entry (rowid, seq, expiry, the rowid-to-slot map), and a few hundred bytes per partition looked up, with up to
/// twice that while the arrays wait to grow (they shrink again after a sweep); a 1,024-dimension entry costs about 4.1 KB. Expired entries are dropped by
/// a sweep at most once a minute, so the index holds the partition's live entries, not its history.
/// Thread-safe: searches share a read lock, catch-ups and removals take the write lock; no lock is held across an await.
/// </remarks>
internal sealed class PartitionVectors : IDisposable
{
    private const long SweepIntervalMs = 60_000;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<long, int> _slotOfRow = [];
    private float[] _vectors = [];
    private long[] _rowIds = [];
    private long[] _seqs = [];
    private long[] _expiresAt = [];
    private int _count;
    private long _lastSeq;
    private long _earliestExpiry = long.MaxValue;
    private long _lastSweepMs = long.MinValue / 2; // far enough back that the first subtraction cannot overflow

    public PartitionVectors(int dimensions) => Dimensions = dimensions;

    /// <summary>The length of every vector held here.</summary>
    public int Dimensions { get; }

    /// <summary>The highest <c>seq</c> of the partition read so far: the next catch-up reads only rows above it.</summary>
    public long LastSeq => Interlocked.Read(ref _lastSeq);

    /// <summary>How many entries are held (live or expired but not yet swept).</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// Applies rows read from SQLite in <c>seq</c> order. A row without a usable vector (none, another length, already
    /// expired) still advances <see cref="LastSeq"/> and removes the older version of the same row, if held.
    /// </summary>
    public void Apply(IReadOnlyList<StoredRow> rows, long nowMs)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var row in rows)
            {
                if (row.Seq <= _lastSeq)
                {
                    continue; // a concurrent caller applied it first
                }
                var usable = row.Embedding is { } blob && blob.Length == Dimensions * sizeof(float) && row.ExpiresAtMs > nowMs;
                if (_slotOfRow.TryGetValue(row.RowId, out var slot))
                {
                    if (!usable)
                    {
                        RemoveSlot(slot);
                    }
                }
                else if (usable)
                {
                    slot = AddSlot(row.RowId);
                }
                if (usable)
                {
                    Fill(slot, row);
                }
                Interlocked.Exchange(ref _lastSeq, row.Seq);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The live entry with the highest dot product with <paramref name="unitQuery"/> (a unit vector), if any.</summary>
    public Candidate? FindBest(ReadOnlySpan<float> unitQuery, long nowMs)
    {
        _lock.EnterReadLock();
        try
        {
            var dimensions = Dimensions;
            ReadOnlySpan<float> vectors = _vectors.AsSpan(0, _count * dimensions);
            var best = -1;
            var bestScore = float.NegativeInfinity;
            for (var i = 0; i < _count; i++)
            {
                var score = TensorPrimitives.Dot(vectors.Slice(i * dimensions, dimensions), unitQuery);
                // The expiry is read only for a new leader, so the pass stays on the vector array.
                if (score > bestScore && _expiresAt[i] > nowMs)
                {
                    bestScore = score;
                    best = i;
                }
            }
            return best < 0 ? null : new Candidate(_rowIds[best], _seqs[best], bestScore);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Drops the entry of <paramref name="rowId"/> if it is still the version <paramref name="seq"/>.</summary>
    public void Remove(long rowId, long seq)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_slotOfRow.TryGetValue(rowId, out var slot) && _seqs[slot] == seq)
            {
                RemoveSlot(slot);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Drops expired entries, at most once a minute and only once one has expired.</summary>
    public void SweepIfDue(long nowMs)
    {
        if (nowMs < Interlocked.Read(ref _earliestExpiry) || nowMs - Interlocked.Read(ref _lastSweepMs) < SweepIntervalMs)
        {
            return;
        }
        _lock.EnterWriteLock();
        try
        {
            var earliest = long.MaxValue;
            for (var i = _count - 1; i >= 0; i--)
            {
                if (_expiresAt[i] <= nowMs)
                {
                    RemoveSlot(i);
                }
            }
            for (var i = 0; i < _count; i++)
            {
                earliest = Math.Min(earliest, _expiresAt[i]);
            }
            if (_count < _rowIds.Length / 4 && _rowIds.Length > 16)
            {
                Resize(Math.Max(16, _count * 2)); // give back what a wave of expiries left unused
            }
            Interlocked.Exchange(ref _earliestExpiry, earliest);
            Interlocked.Exchange(ref _lastSweepMs, nowMs);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Scales <paramref name="vector"/> to unit length into <paramref name="destination"/>; false for a zero vector.</summary>
    public static bool TryNormalize(ReadOnlySpan<float> vector, Span<float> destination)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (!(norm > 0f) || float.IsInfinity(norm))
        {
            return false;
        }
        TensorPrimitives.Divide(vector, norm, destination);
        return true;
    }

    private int AddSlot(long rowId)
    {
        if (_count == _rowIds.Length)
        {
            Resize(Math.Max(16, _count * 2));
        }
        var slot = _count++;
        _rowIds[slot] = rowId;
        _slotOfRow[rowId] = slot;
        return slot;
    }

    private void Resize(int capacity)
    {
        Array.Resize(ref _rowIds, capacity);
        Array.Resize(ref _seqs, capacity);
        Array.Resize(ref _expiresAt, capacity);
        Array.Resize(ref _vectors, checked(capacity * Dimensions));
    }

    private void Fill(int slot, StoredRow row)
    {
        var target = _vectors.AsSpan(slot * Dimensions, Dimensions);
        if (!TryNormalize(MemoryMarshal.Cast<byte, float>(row.Embedding), target))
        {
            target.Clear(); // a zero vector is similar to nothing
        }
        _seqs[slot] = row.Seq;
        _expiresAt[slot] = row.ExpiresAtMs;
        if (row.ExpiresAtMs < Interlocked.Read(ref _earliestExpiry))
        {
            Interlocked.Exchange(ref _earliestExpiry, row.ExpiresAtMs);
        }
    }

    // Moves the last slot into the hole, so the live slots stay contiguous.
    private void RemoveSlot(int slot)
    {
        var last = --_count;
        _slotOfRow.Remove(_rowIds[slot]);
        if (slot != last)
        {
            _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
            _rowIds[slot] = _rowIds[last];
            _seqs[slot] = _seqs[last];
            _expiresAt[slot] = _expiresAt[last];
            _slotOfRow[_rowIds[slot]] = slot;
        }
    }

    /// <summary>A row as read from SQLite; <see cref="ExpiresAtMs"/> is <see cref="long.MaxValue"/> when it never expires.</summary>
    public readonly record struct StoredRow(long RowId, long Seq, long ExpiresAtMs, byte[]? Embedding);

    /// <summary>The best entry of a search: its row, its version and its cosine similarity with the query.</summary>
    public readonly record struct Candidate(long RowId, long Seq, float Score);
}
