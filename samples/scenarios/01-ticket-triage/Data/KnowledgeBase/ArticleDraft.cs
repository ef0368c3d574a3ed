namespace HybridAI.Scenarios.TicketTriage.Data.KnowledgeBase;

/// <summary>An article as written in source, before it gets its id and slug.</summary>
internal sealed record ArticleDraft(string Category, string Language, string Title, string Markdown);
