namespace HybridAI.Evaluation.Evaluators;

/// <summary>What a model costs per million tokens, in one currency for the whole price table.</summary>
/// <param name="InputPerMillion">Price of one million input (prompt) tokens.</param>
/// <param name="OutputPerMillion">Price of one million output (completion) tokens.</param>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion);
