using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Evaluation;

/// <summary>The measures of one search mode over a labelled query set: means over the queries, and each query's own.</summary>
/// <param name="Mode">The search mode evaluated.</param>
/// <param name="K">The cut-off of <see cref="RecallAtK"/>.</param>
/// <param name="RecallAtK">Mean share of each query's relevant ids found in its first <see cref="K"/> results.</param>
/// <param name="MeanReciprocalRank">Mean of 1 / rank of the first relevant result.</param>
/// <param name="NdcgAt10">Mean nDCG over the first 10 results.</param>
/// <param name="Queries">Each query's figures, in the order of the set.</param>
public sealed record RetrievalEvaluation(SearchMode Mode, int K, double RecallAtK, double MeanReciprocalRank, double NdcgAt10,
    IReadOnlyList<QueryEvaluation> Queries);

/// <summary>One query's figures and the ids it returned, best first.</summary>
public sealed record QueryEvaluation(string Query, double RecallAtK, double ReciprocalRank, double NdcgAt10, IReadOnlyList<string> Returned);
