namespace HybridAI.Retrieval.Evaluation;

/// <summary>
/// A query with the ids a good search should return for it: document ids or chunk ids, each with a relevance grade
/// (1 for "relevant" when the set is not graded; higher is more relevant).
/// </summary>
/// <param name="Query">The query in the user's words.</param>
/// <param name="Relevant">Relevant id → grade (&gt; 0).</param>
public sealed record LabelledQuery(string Query, IReadOnlyDictionary<string, double> Relevant)
{
    /// <summary>A query whose relevant ids are all equally relevant (grade 1).</summary>
    public static LabelledQuery Binary(string query, params IEnumerable<string> relevantIds)
    {
        ArgumentNullException.ThrowIfNull(relevantIds);
        var grades = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var id in relevantIds)
        {
            grades[id] = 1;
        }

        return new LabelledQuery(query, grades);
    }
}
