namespace HybridAI.Generators.Grounding;

/// <summary>Which of the writer's drafts is being written: it picks the built-in template and what fills the slots.</summary>
internal enum DraftKind
{
    Reply,
    Summary,
    Report,
}
