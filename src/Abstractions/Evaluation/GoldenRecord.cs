namespace HybridAI.Abstractions.Evaluation;

/// <summary>
/// One labelled example of a golden set: an input and the answers a good workflow gives for it.
/// </summary>
/// <typeparam name="TInput">The workflow's input (a ticket, a transaction…).</typeparam>
/// <param name="Id">Stable id of the example.</param>
/// <param name="Input">What the workflow is given.</param>
/// <param name="Expected">The expected answers by name, e.g. <c>category = "billing"</c>, <c>priority = "high"</c>.</param>
public sealed record GoldenRecord<TInput>(string Id, TInput Input, IReadOnlyDictionary<string, string> Expected);
