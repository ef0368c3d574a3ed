namespace HybridAI.Retrieval.Vectors;

/// <summary>
/// The <c>k</c> highest-scoring slots seen so far: a bounded min-heap (the worst kept score at the root), so that a
/// scan rejects most candidates with one comparison against <see cref="Threshold"/> and never allocates per candidate.
/// </summary>
internal sealed class TopScores
{
    private readonly float[] _scores;
    private readonly long[] _slots;

    public TopScores(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        _scores = new float[k];
        _slots = new long[k];
    }

    public int Count { get; private set; }

    /// <summary>A score must beat this to enter: the worst kept one once full, -∞ before.</summary>
    public float Threshold => Count == _scores.Length ? _scores[0] : float.NegativeInfinity;

    public void Offer(long slot, float score)
    {
        if (Count < _scores.Length)
        {
            int at = Count++;
            while (at > 0)
            {
                int parent = (at - 1) >> 1;
                if (_scores[parent] <= score)
                {
                    break;
                }

                _scores[at] = _scores[parent];
                _slots[at] = _slots[parent];
                at = parent;
            }

            _scores[at] = score;
            _slots[at] = slot;
        }
        else if (score > _scores[0])
        {
            SiftDownFromRoot(slot, score);
        }
    }

    /// <summary>The kept slots, best first.</summary>
    public List<(long Slot, float Score)> ToList()
    {
        var result = new List<(long Slot, float Score)>(Count);
        for (int i = 0; i < Count; i++)
        {
            result.Add((_slots[i], _scores[i]));
        }

        result.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Slot.CompareTo(b.Slot));
        return result;
    }

    private void SiftDownFromRoot(long slot, float score)
    {
        int count = Count;
        int at = 0;
        while (true)
        {
            int child = (2 * at) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && _scores[child + 1] < _scores[child])
            {
                child++;
            }

            if (_scores[child] >= score)
            {
                break;
            }

            _scores[at] = _scores[child];
            _slots[at] = _slots[child];
            at = child;
        }

        _scores[at] = score;
        _slots[at] = slot;
    }
}
