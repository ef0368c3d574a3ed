using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Generators.Grounding;

/// <summary>One piece of evidence a draft may quote: a retrieved chunk, a policy paragraph, a past answer.</summary>
/// <param name="Id">Stable id reported with every sentence quoted from this passage (for a search hit, its chunk id).</param>
/// <param name="Source">What the citation shows: a title, file name or URL.</param>
/// <param name="Text">The passage's text; quoted sentences are exact substrings of it.</param>
public sealed record EvidencePassage(string Id, string Source, string Text)
{
    /// <summary>Makes a passage from a search hit: its chunk id, source and text.</summary>
    /// <param name="hit">The hit to cite.</param>
    public static EvidencePassage FromHit(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new EvidencePassage(hit.ChunkId, hit.Source, hit.Text);
    }

    /// <summary>Makes passages from search hits, keeping their order (best first, as retrieval returned them).</summary>
    /// <param name="hits">The hits to cite.</param>
    public static IReadOnlyList<EvidencePassage> FromHits(IEnumerable<SearchHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var passages = new List<EvidencePassage>();
        foreach (SearchHit hit in hits)
        {
            passages.Add(FromHit(hit));
        }

        return passages;
    }
}
