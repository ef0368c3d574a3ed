namespace HybridAI.Generators.Grounding;

/// <summary>What a citation points at, so a reader (or a check) knows which claims come from documents and which from a model.</summary>
public enum CitationKind
{
    /// <summary>An evidence passage, typically a retrieved chunk: the cited sentence is quoted from its text.</summary>
    Evidence,

    /// <summary>An inference result (a classifier's label and confidence, a scorer's score): the cited sentence states it.</summary>
    ModelOutput,
}
