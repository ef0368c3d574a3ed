using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Rag;

/// <summary>The argument checks every RAG component makes on the evidence it is given.</summary>
internal static class EvidenceChecks
{
    public static void Validate(IReadOnlyList<EvidencePassage> evidence)
    {
        for (int i = 0; i < evidence.Count; i++)
        {
            EvidencePassage? passage = evidence[i];
            if (passage is null)
            {
                throw new ArgumentException($"evidence[{i}] is null.", nameof(evidence));
            }

            if (passage.Id is null || passage.Source is null || passage.Text is null)
            {
                string field = passage.Id is null ? nameof(passage.Id) : passage.Source is null ? nameof(passage.Source) : nameof(passage.Text);
                throw new ArgumentException($"evidence[{i}].{field} is null.", nameof(evidence));
            }
        }
    }
}
