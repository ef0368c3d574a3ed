namespace HybridAI.Evaluation.Evaluators;

/// <summary>What one step of one run cost: its time, tokens, outcome and retries.</summary>
/// <param name="RunId">The run (one golden example, one request) the step belongs to.</param>
/// <param name="Step">The step's name, e.g. <c>classify</c>, <c>retrieve</c>, <c>generate</c>.</param>
/// <param name="Duration">How long the step took, retries included.</param>
/// <param name="Model">The model that was billed, or null for a step that calls none.</param>
/// <param name="InputTokens">Prompt tokens billed.</param>
/// <param name="OutputTokens">Completion tokens billed.</param>
/// <param name="Failed">Whether the step failed in the end (after its retries).</param>
/// <param name="Retries">How many times it was retried.</param>
/// <param name="RoutedToHuman">Whether this step sent the run to human review (a gate that opened a review).</param>
public sealed record StepRecord(
    string RunId,
    string Step,
    TimeSpan Duration,
    string? Model = null,
    long InputTokens = 0,
    long OutputTokens = 0,
    bool Failed = false,
    int Retries = 0,
    bool RoutedToHuman = false);
