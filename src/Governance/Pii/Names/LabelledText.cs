namespace HybridAI.Governance.Pii.Names;

/// <summary>A person, organisation (kind 2) or place (kind 3) in a training text; kind 1 is a person.</summary>
internal readonly record struct EntitySpan(int Start, int Length, int Kind);

/// <summary>A text with its entities marked, as the tagger learns from it.</summary>
internal sealed record LabelledText(string Text, EntitySpan[] Entities);
