using HybridAI.Retrieval.Sqlite;

namespace HybridAI.Retrieval.Querying;

/// <summary>
/// Fuses ranked lists by reciprocal rank (Cormack et al. 2009): score = Σ 1 / (k + rank), rank from 1, k = 60.
/// Ranks, not raw scores, are fused, so BM25 and cosine need no common scale.
/// </summary>
internal static class ReciprocalRankFusion
{
    public const int K = 60;

    public static List<SlottedHit> Fuse(params IReadOnlyList<SlottedHit>[] lists)
    {
        var fused = new Dictionary<string, (SlottedHit Hit, double Score)>(StringComparer.Ordinal);
        foreach (IReadOnlyList<SlottedHit> list in lists)
        {
            for (int rank = 0; rank < list.Count; rank++)
            {
                SlottedHit hit = list[rank];
                double add = 1.0 / (K + rank + 1);
                fused[hit.Hit.ChunkId] = fused.TryGetValue(hit.Hit.ChunkId, out var seen) ? (seen.Hit, seen.Score + add) : (hit, add);
            }
        }

        return [.. fused.Values.OrderByDescending(static f => f.Score).ThenBy(static f => f.Hit.Hit.ChunkId, StringComparer.Ordinal)
            .Select(static f => f.Hit with { Hit = f.Hit.Hit with { Score = f.Score } })];
    }
}
