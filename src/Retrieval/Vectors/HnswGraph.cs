using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace HybridAI.Retrieval.Vectors;

/// <summary>
/// Hierarchical navigable small-world graph (Malkov &amp; Yashunin) over the slots of a <see cref="VectorFile"/>,
/// for approximate nearest neighbours by dot product on unit vectors. Built in memory and extended as slots are
/// appended; <see cref="Save"/> and <see cref="TryLoad"/> keep it in a file beside the vectors so that reopening a
/// store does not rebuild it. Slots are never removed: searches take a predicate and skip slots that are not live in
/// the version searched. Searches run concurrently; an insert takes the write side of a lock.
/// </summary>
/// <remarks>
/// Layout for speed: level-0 links of every node in one flat int array (a count then up to 2·M ids per node), the
/// few upper-level lists in one array per node that has them, distances read straight from the memory-mapped block,
/// and per-thread search scratch (a visited set cleared by bumping a generation, two array heaps) so that neither
/// search nor insert allocates per visited node.
/// </remarks>
internal sealed unsafe partial class HnswGraph : IDisposable
{
    private readonly VectorFile _vectors;
    private readonly int _m;
    private readonly int _m0;
    private readonly int _efConstruction;
    private readonly double _levelFactor;
    private readonly Random _random;
    private readonly ReaderWriterLockSlim _lock = new();
    private int[] _level0 = [];   // node * (1 + _m0): count, then neighbours
    private byte[] _levels = [];  // node → its top level
    private int[]?[] _upper = []; // node → levels 1.. as (1 + _m) blocks; null for nodes on level 0 only
    private int _entry = -1;
    private int _topLevel = -1;
    private float* _base;         // the vector block; re-read under the write lock as the file grows

    public HnswGraph(VectorFile vectors, int m = 16, int efConstruction = 200, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(efConstruction, 1);
        _vectors = vectors;
        _m = m;
        _m0 = 2 * m;
        _efConstruction = efConstruction;
        _levelFactor = 1 / Math.Log(m);
        _random = new Random(seed);
    }

    /// <summary>Slots [0, Count) are in the graph.</summary>
    public int Count { get; private set; }

    /// <summary>How many slots this instance inserted itself (the rest came from a saved graph file).</summary>
    public int Inserted { get; private set; }

    /// <summary>Bytes held by the graph's links (the vectors are in the file and not counted).</summary>
    public long LinkBytes
    {
        get
        {
            long bytes = ((long)Count * (1 + _m0) * sizeof(int)) + Count;
            for (int i = 0; i < Count; i++)
            {
                bytes += (long)(_upper[i]?.Length ?? 0) * sizeof(int);
            }

            return bytes;
        }
    }

    private int Stride0 => 1 + _m0;

    private int StrideUpper => 1 + _m;

    /// <summary>Adds every slot of the vector file not in the graph yet.</summary>
    public void AddUpTo(long slots)
    {
        _lock.EnterWriteLock();
        try
        {
            Reserve((int)Math.Min(slots, int.MaxValue));
            _base = _vectors.Base;
            HnswScratch scratch = HnswScratch.For(_m0);
            while (Count < slots)
            {
                Insert(Count, scratch);
                Count++;
                Inserted++;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The best <paramref name="top"/> slots accepted by <paramref name="accept"/> (null: all), best first, with their dot products.</summary>
    public List<(int Slot, float Score)> Search(ReadOnlySpan<float> query, int top, int ef, Func<int, bool>? accept)
    {
        if (query.Length != _vectors.Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the graph's vectors have {_vectors.Dimensions}.", nameof(query));
        }

        _lock.EnterReadLock();
        try
        {
            if (_entry < 0)
            {
                return [];
            }

            HnswScratch scratch = HnswScratch.For(_m0);
            fixed (float* q = query)
            {
                int current = _entry;
                float currentScore = Dot(q, current);
                for (int level = _topLevel; level > 0; level--)
                {
                    (current, currentScore) = Greedy(q, current, currentScore, level);
                }

                SearchLayer(q, current, currentScore, Math.Max(ef, top), 0, accept, scratch);
            }

            int found = scratch.DrainResultsBestFirst();
            int count = Math.Min(found, top);
            var result = new List<(int Slot, float Score)>(count);
            for (int i = 0; i < count; i++)
            {
                result.Add((scratch.Sorted[i].Node, scratch.Sorted[i].Score));
            }

            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Reserve(int nodes)
    {
        if (_levels.Length >= nodes)
        {
            return;
        }

        int capacity = Math.Max(nodes, Math.Max(1024, _levels.Length * 2));
        Array.Resize(ref _level0, checked(capacity * Stride0));
        Array.Resize(ref _levels, capacity);
        Array.Resize(ref _upper, capacity);
    }

    private void Insert(int node, HnswScratch scratch)
    {
        int level = Math.Min((int)(-Math.Log(1 - _random.NextDouble()) * _levelFactor), byte.MaxValue);
        _levels[node] = (byte)level;
        _upper[node] = level > 0 ? new int[level * StrideUpper] : null;
        if (_entry < 0)
        {
            _entry = node;
            _topLevel = level;
            return;
        }

        float* vector = _base + ((long)node * _vectors.Dimensions);
        int current = _entry;
        float currentScore = Dot(vector, current);
        for (int l = _topLevel; l > level; l--)
        {
            (current, currentScore) = Greedy(vector, current, currentScore, l);
        }

        for (int l = Math.Min(level, _topLevel); l >= 0; l--)
        {
            SearchLayer(vector, current, currentScore, _efConstruction, l, null, scratch);
            int found = scratch.DrainResultsBestFirst();
            Span<HnswCandidate> candidates = scratch.Sorted.AsSpan(0, found);
            (current, currentScore) = (candidates[0].Node, candidates[0].Score);
            int kept = SelectNeighbours(candidates, _m, scratch.Kept);
            Span<int> links = Links(node, l);
            links[0] = kept;
            for (int i = 0; i < kept; i++)
            {
                links[1 + i] = scratch.Kept[i].Node;
            }

            // Linking back prunes with the same scratch: copy the kept set out of it first.
            Span<HnswCandidate> chosen = scratch.Chosen.AsSpan(0, kept);
            scratch.Kept.AsSpan(0, kept).CopyTo(chosen);
            foreach (HnswCandidate neighbour in chosen)
            {
                AddLink(neighbour.Node, node, neighbour.Score, l, scratch);
            }
        }

        if (level > _topLevel)
        {
            _topLevel = level;
            _entry = node;
        }
    }

    private Span<int> Links(int node, int level) => level == 0
        ? _level0.AsSpan(node * Stride0, Stride0)
        : _upper[node].AsSpan((level - 1) * StrideUpper, StrideUpper);

    private void AddLink(int from, int to, float score, int level, HnswScratch scratch)
    {
        Span<int> list = Links(from, level);
        int count = list[0];
        if (count < list.Length - 1)
        {
            list[1 + count] = to;
            list[0] = count + 1;
            return;
        }

        // Full: keep the best diverse set among the old neighbours and the new one.
        float* origin = _base + ((long)from * _vectors.Dimensions);
        Span<HnswCandidate> candidates = scratch.Pruning.AsSpan(0, count + 1);
        candidates[0] = new HnswCandidate(score, to);
        for (int i = 1; i <= count; i++)
        {
            candidates[i] = new HnswCandidate(Dot(origin, list[i]), list[i]);
        }

        candidates.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        int kept = SelectNeighbours(candidates, list.Length - 1, scratch.Kept);
        list[0] = kept;
        for (int i = 0; i < kept; i++)
        {
            list[1 + i] = scratch.Kept[i].Node;
        }
    }

    // The paper's heuristic: a candidate is kept only if it is closer to the origin than to every neighbour kept so
    // far, which spreads links in all directions; the nearest discarded ones fill any room left.
    private int SelectNeighbours(Span<HnswCandidate> sortedCandidates, int max, HnswCandidate[] kept)
    {
        int keptCount = 0;
        int skippedCount = 0;
        int dimensions = _vectors.Dimensions;
        for (int c = 0; c < sortedCandidates.Length && keptCount < max; c++)
        {
            HnswCandidate candidate = sortedCandidates[c];
            float* vector = _base + ((long)candidate.Node * dimensions);
            bool diverse = true;
            for (int k = 0; k < keptCount; k++)
            {
                if (Dot(vector, kept[k].Node) > candidate.Score)
                {
                    diverse = false;
                    break;
                }
            }

            if (diverse)
            {
                kept[keptCount++] = candidate;
            }
            else
            {
                // Skipped ones are written over the candidates already read, keeping their order.
                sortedCandidates[skippedCount++] = candidate;
            }
        }

        for (int i = 0; i < skippedCount && keptCount < max; i++)
        {
            kept[keptCount++] = sortedCandidates[i];
        }

        return keptCount;
    }

    private (int, float) Greedy(float* query, int current, float currentScore, int level)
    {
        bool moved = true;
        while (moved)
        {
            moved = false;
            Span<int> list = Links(current, level);
            for (int i = 1; i <= list[0]; i++)
            {
                float score = Dot(query, list[i]);
                if (score > currentScore)
                {
                    (current, currentScore, moved) = (list[i], score, true);
                }
            }
        }

        return (current, currentScore);
    }

    private void SearchLayer(float* query, int entry, float entryScore, int ef, int level, Func<int, bool>? accept, HnswScratch scratch)
    {
        scratch.Begin(Count + 1);
        scratch.Visit(entry);
        scratch.Frontier.Push(-entryScore, entry); // best (highest score) first
        if (accept is null || accept(entry))
        {
            scratch.Results.Push(entryScore, entry); // worst of the kept first
        }

        float worst = scratch.Results.Count >= ef ? scratch.Results.TopKey : float.NegativeInfinity;
        while (scratch.Frontier.Count > 0)
        {
            (float negative, int node) = scratch.Frontier.Pop();
            if (-negative < worst)
            {
                break;
            }

            if (level > _levels[node])
            {
                continue;
            }

            // Mark the unvisited neighbours and prefetch all their vectors first, then score them: the memory
            // latencies overlap instead of being paid one neighbour at a time.
            Span<int> list = Links(node, level);
            Span<int> fresh = scratch.Fresh;
            int freshCount = 0;
            for (int i = 1; i <= list[0]; i++)
            {
                int next = list[i];
                if (scratch.Visit(next))
                {
                    fresh[freshCount++] = next;
                    Prefetch(next);
                }
            }

            foreach (int next in fresh[..freshCount])
            {
                float score = Dot(query, next);
                if (scratch.Results.Count < ef || score > worst)
                {
                    scratch.Frontier.Push(-score, next);
                    if (accept is null || accept(next))
                    {
                        scratch.Results.Push(score, next);
                        if (scratch.Results.Count > ef)
                        {
                            scratch.Results.Pop();
                        }

                        if (scratch.Results.Count >= ef)
                        {
                            worst = scratch.Results.TopKey;
                        }
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Prefetch(int slot)
    {
        if (Sse.IsSupported)
        {
            int bytes = _vectors.Dimensions * sizeof(float);
            byte* start = (byte*)(_base + ((long)slot * _vectors.Dimensions));
            for (int offset = 0; offset < bytes; offset += 64)
            {
                Sse.Prefetch0(start + offset);
            }

            Sse.Prefetch0(start + bytes - 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Dot(float* query, int slot)
    {
        int dimensions = _vectors.Dimensions;
        return VectorDot.Dot(query, _base + ((long)slot * dimensions), dimensions);
    }

    public void Dispose() => _lock.Dispose();
}
