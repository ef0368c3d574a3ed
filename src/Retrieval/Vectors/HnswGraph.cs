using System.Numerics.Tensors;

namespace HybridAI.Retrieval.Vectors;

/// <summary>
/// Hierarchical navigable small-world graph (Malkov &amp; Yashunin) over the slots of a <see cref="VectorFile"/>,
/// for approximate nearest neighbours by dot product on unit vectors. Built in memory and extended as slots are
/// appended; not persisted (rebuilt from the vector file when the index is next opened). Slots are never removed:
/// searches take a predicate and skip slots that are not live in the version searched. Searches run concurrently;
/// an insert takes the write side of a lock.
/// </summary>
internal sealed class HnswGraph : IDisposable
{
    private readonly VectorFile _vectors;
    private readonly int _m;
    private readonly int _efConstruction;
    private readonly double _levelFactor;
    private readonly Random _random;
    private readonly List<int[][]> _links = []; // node → level → neighbours (first entry is the count)
    private readonly ReaderWriterLockSlim _lock = new();
    private int _entry = -1;
    private int _topLevel = -1;

    public HnswGraph(VectorFile vectors, int m = 16, int efConstruction = 200, int seed = 42)
    {
        _vectors = vectors;
        _m = m;
        _efConstruction = efConstruction;
        _levelFactor = 1 / Math.Log(m);
        _random = new Random(seed);
    }

    /// <summary>Slots [0, Count) are in the graph.</summary>
    public int Count { get; private set; }

    /// <summary>Adds every slot of the vector file not in the graph yet.</summary>
    public void AddUpTo(long slots)
    {
        _lock.EnterWriteLock();
        try
        {
            while (Count < slots)
            {
                Insert(Count);
                Count++;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The best <paramref name="top"/> slots accepted by <paramref name="accept"/>, best first, with their dot products.</summary>
    public List<(int Slot, float Score)> Search(ReadOnlySpan<float> query, int top, int ef, Func<int, bool> accept)
    {
        _lock.EnterReadLock();
        try
        {
            if (_entry < 0)
            {
                return [];
            }

            int current = _entry;
            float currentScore = Dot(query, current);
            for (int level = _topLevel; level > 0; level--)
            {
                (current, currentScore) = Greedy(query, current, currentScore, level);
            }

            List<(int Slot, float Score)> found = SearchLayer(query, current, currentScore, Math.Max(ef, top), 0, accept);
            return found.Count > top ? found.GetRange(0, top) : found;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Insert(int node)
    {
        int level = (int)(-Math.Log(1 - _random.NextDouble()) * _levelFactor);
        var links = new int[level + 1][];
        for (int l = 0; l <= level; l++)
        {
            links[l] = new int[1 + MaxLinks(l)];
        }

        _links.Add(links);
        if (_entry < 0)
        {
            _entry = node;
            _topLevel = level;
            return;
        }

        ReadOnlySpan<float> vector = _vectors[node];
        int current = _entry;
        float currentScore = Dot(vector, current);
        for (int l = _topLevel; l > level; l--)
        {
            (current, currentScore) = Greedy(vector, current, currentScore, l);
        }

        for (int l = Math.Min(level, _topLevel); l >= 0; l--)
        {
            List<(int Slot, float Score)> candidates = SearchLayer(vector, current, currentScore, _efConstruction, l, static _ => true);
            List<int> chosen = SelectNeighbours(candidates, _m);
            foreach (int neighbour in chosen)
            {
                AddLink(node, neighbour, l);
                AddLink(neighbour, node, l);
            }

            (current, currentScore) = candidates[0];
        }

        if (level > _topLevel)
        {
            _topLevel = level;
            _entry = node;
        }
    }

    private int MaxLinks(int level) => level == 0 ? 2 * _m : _m;

    private void AddLink(int from, int to, int level)
    {
        int[] list = _links[from][level];
        int count = list[0];
        if (count < list.Length - 1)
        {
            list[1 + count] = to;
            list[0] = count + 1;
            return;
        }

        // Full: keep the best diverse set among the old neighbours and the new one.
        ReadOnlySpan<float> origin = _vectors[from];
        var candidates = new List<(int Slot, float Score)>(count + 1) { (to, Dot(origin, to)) };
        for (int i = 1; i <= count; i++)
        {
            candidates.Add((list[i], Dot(origin, list[i])));
        }

        candidates.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        List<int> kept = SelectNeighbours(candidates, list.Length - 1);
        list[0] = kept.Count;
        for (int i = 0; i < kept.Count; i++)
        {
            list[1 + i] = kept[i];
        }
    }

    // The paper's heuristic: a candidate is kept only if it is closer to the origin than to every neighbour kept so
    // far, which spreads links in all directions; the nearest discarded ones fill any room left.
    private List<int> SelectNeighbours(List<(int Slot, float Score)> sortedCandidates, int max)
    {
        var kept = new List<int>(max);
        var skipped = new List<int>();
        foreach ((int slot, float score) in sortedCandidates)
        {
            if (kept.Count == max)
            {
                break;
            }

            bool diverse = true;
            foreach (int k in kept)
            {
                if (TensorPrimitives.Dot(_vectors[slot], _vectors[k]) > score)
                {
                    diverse = false;
                    break;
                }
            }

            (diverse ? kept : skipped).Add(slot);
        }

        for (int i = 0; i < skipped.Count && kept.Count < max; i++)
        {
            kept.Add(skipped[i]);
        }

        return kept;
    }

    private (int, float) Greedy(ReadOnlySpan<float> query, int current, float currentScore, int level)
    {
        bool moved = true;
        while (moved)
        {
            moved = false;
            int[] list = _links[current][level];
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

    private List<(int Slot, float Score)> SearchLayer(ReadOnlySpan<float> query, int entry, float entryScore, int ef, int level, Func<int, bool> accept)
    {
        var visited = new HashSet<int> { entry };
        var frontier = new PriorityQueue<int, float>();          // best (highest score) first
        var results = new PriorityQueue<(int, float), float>();  // worst of the kept first
        frontier.Enqueue(entry, -entryScore);
        if (accept(entry))
        {
            results.Enqueue((entry, entryScore), entryScore);
        }

        while (frontier.TryDequeue(out int node, out float negative))
        {
            if (results.Count >= ef && -negative < results.Peek().Item2)
            {
                break;
            }

            if (level >= _links[node].Length)
            {
                continue;
            }

            int[] list = _links[node][level];
            for (int i = 1; i <= list[0]; i++)
            {
                int next = list[i];
                if (!visited.Add(next))
                {
                    continue;
                }

                float score = Dot(query, next);
                if (results.Count < ef || score > results.Peek().Item2)
                {
                    frontier.Enqueue(next, -score);
                    if (accept(next))
                    {
                        results.Enqueue((next, score), score);
                        if (results.Count > ef)
                        {
                            results.Dequeue();
                        }
                    }
                }
            }
        }

        var sorted = new List<(int Slot, float Score)>(results.Count);
        while (results.TryDequeue(out (int, float) item, out _))
        {
            sorted.Add(item);
        }

        sorted.Reverse();
        return sorted;
    }

    public void Dispose() => _lock.Dispose();

    private float Dot(ReadOnlySpan<float> query, int slot) => TensorPrimitives.Dot(query, _vectors[slot]);
}
