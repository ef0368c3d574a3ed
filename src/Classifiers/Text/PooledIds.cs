using System.Buffers;

namespace HybridAI.Classifiers;

/// <summary>A growable list of feature ids on pooled memory, so featurizing a text allocates almost nothing.</summary>
internal struct PooledIds
{
    private int[] _items;

    public PooledIds(int capacity)
    {
        _items = ArrayPool<int>.Shared.Rent(Math.Max(16, capacity));
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly int[] Items => _items;

    public void Add(int id)
    {
        if (Count == _items.Length)
        {
            var bigger = ArrayPool<int>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(bigger);
            ArrayPool<int>.Shared.Return(_items);
            _items = bigger;
        }

        _items[Count++] = id;
    }

    public readonly void Dispose() => ArrayPool<int>.Shared.Return(_items);
}
