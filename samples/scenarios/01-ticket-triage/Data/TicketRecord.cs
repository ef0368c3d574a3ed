namespace HybridAI.Scenarios.TicketTriage.Data;

/// <summary>One support ticket as written to <c>tickets.train.jsonl</c> / <c>tickets.golden.jsonl</c>.</summary>
/// <param name="Id">Stable id, <c>T0001</c> onwards.</param>
/// <param name="Subject">Subject line as the customer typed it.</param>
/// <param name="Body">Message text, lines separated by <c>\n</c>.</param>
/// <param name="Language"><c>en</c> or <c>fr</c> (the dominant language; some tickets mix both).</param>
/// <param name="Category">The label, one of <see cref="TicketCategories.All"/>.</param>
/// <param name="Priority">The label, one of <see cref="TicketPriorities.All"/>.</param>
/// <param name="Noise"><see cref="TicketNoise.Clean"/>, <see cref="TicketNoise.Ambiguous"/> or <see cref="TicketNoise.Mislabelled"/>.</param>
/// <param name="OtherCategory">For ambiguous tickets the second category the text touches; for mislabelled ones the category the text really describes; otherwise null.</param>
/// <param name="CustomerName">Who sent it (personal data: mask before showing it to a model).</param>
/// <param name="Channel">How it arrived: <c>email</c>, <c>web-form</c> or <c>chat</c>.</param>
public sealed record TicketRecord(
    string Id,
    string Subject,
    string Body,
    string Language,
    string Category,
    string Priority,
    string Noise,
    string? OtherCategory,
    string CustomerName,
    string Channel);
