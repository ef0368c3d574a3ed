namespace HybridAI.Retrieval.Vectors;

/// <summary>A node with its score against the vector being searched for or linked.</summary>
internal readonly record struct HnswCandidate(float Score, int Node);

/// <summary>
/// Per-thread working memory of <see cref="HnswGraph"/> searches and inserts, reused from call to call: a visited set
/// that is cleared by bumping a generation (not by touching every slot), the two heaps of a layer search and the
/// buffers of neighbour selection. Nothing here is shared between threads.
/// </summary>
internal sealed class HnswScratch
{
    [ThreadStatic]
    private static HnswScratch? s_current;

    private int[] _visited = [];
    private int _generation;

    /// <summary>Nodes to expand, as (-score, node): the best candidate at the top.</summary>
    public HnswMinHeap Frontier { get; } = new();

    /// <summary>Nodes kept, as (score, node): the worst kept at the top.</summary>
    public HnswMinHeap Results { get; } = new();

    /// <summary>The results of the last layer search, best first (see <see cref="DrainResultsBestFirst"/>).</summary>
    public HnswCandidate[] Sorted { get; private set; } = new HnswCandidate[256];

    /// <summary>Neighbours chosen by selection.</summary>
    public HnswCandidate[] Kept { get; private set; } = new HnswCandidate[64];

    /// <summary>A copy of <see cref="Kept"/> that survives the selections made while linking back.</summary>
    public HnswCandidate[] Chosen { get; private set; } = new HnswCandidate[64];

    /// <summary>Candidates when a full neighbour list is pruned.</summary>
    public HnswCandidate[] Pruning { get; private set; } = new HnswCandidate[64];

    /// <summary>The unvisited neighbours of the node being expanded.</summary>
    public int[] Fresh { get; private set; } = new int[64];

    /// <summary>This thread's scratch, with room for lists of up to <paramref name="maxLinks"/> neighbours.</summary>
    public static HnswScratch For(int maxLinks)
    {
        HnswScratch scratch = s_current ??= new HnswScratch();
        if (scratch.Kept.Length <= maxLinks)
        {
            scratch.Kept = new HnswCandidate[maxLinks + 1];
            scratch.Chosen = new HnswCandidate[maxLinks + 1];
            scratch.Pruning = new HnswCandidate[maxLinks + 1];
            scratch.Fresh = new int[maxLinks + 1];
        }

        return scratch;
    }

    /// <summary>Starts a layer search over a graph of <paramref name="nodes"/> nodes: nothing visited, both heaps empty.</summary>
    public void Begin(int nodes)
    {
        if (_visited.Length < nodes)
        {
            _visited = new int[Math.Max(nodes, _visited.Length * 2)];
            _generation = 0;
        }

        if (++_generation == int.MaxValue)
        {
            Array.Clear(_visited);
            _generation = 1;
        }

        Frontier.Clear();
        Results.Clear();
    }

    /// <summary>Marks <paramref name="node"/> visited; false when it already was in this search.</summary>
    public bool Visit(int node)
    {
        ref int tag = ref _visited[node];
        if (tag == _generation)
        {
            return false;
        }

        tag = _generation;
        return true;
    }

    /// <summary>Empties <see cref="Results"/> into <see cref="Sorted"/>, best first; returns how many.</summary>
    public int DrainResultsBestFirst()
    {
        int count = Results.Count;
        if (Sorted.Length < count)
        {
            Sorted = new HnswCandidate[Math.Max(count, Sorted.Length * 2)];
        }

        for (int i = count - 1; i >= 0; i--)
        {
            (float score, int node) = Results.Pop();
            Sorted[i] = new HnswCandidate(score, node);
        }

        return count;
    }
}

/// <summary>An array min-heap of (key, node) that grows as needed and is reused between searches.</summary>
internal sealed class HnswMinHeap
{
    private float[] _keys = new float[256];
    private int[] _nodes = new int[256];

    public int Count { get; private set; }

    public float TopKey => _keys[0];

    public void Clear() => Count = 0;

    public void Push(float key, int node)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _nodes, Count * 2);
        }

        int at = Count++;
        while (at > 0)
        {
            int parent = (at - 1) >> 1;
            if (_keys[parent] <= key)
            {
                break;
            }

            _keys[at] = _keys[parent];
            _nodes[at] = _nodes[parent];
            at = parent;
        }

        _keys[at] = key;
        _nodes[at] = node;
    }

    public (float Key, int Node) Pop()
    {
        var top = (_keys[0], _nodes[0]);
        int count = --Count;
        if (count == 0)
        {
            return top;
        }

        float key = _keys[count];
        int node = _nodes[count];
        int at = 0;
        while (true)
        {
            int child = (2 * at) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && _keys[child + 1] < _keys[child])
            {
                child++;
            }

            if (_keys[child] >= key)
            {
                break;
            }

            _keys[at] = _keys[child];
            _nodes[at] = _nodes[child];
            at = child;
        }

        _keys[at] = key;
        _nodes[at] = node;
        return top;
    }
}
