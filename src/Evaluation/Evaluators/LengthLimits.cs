namespace HybridAI.Evaluation.Evaluators;

/// <summary>Bounds on an output's size; a null bound is not checked.</summary>
/// <param name="MinChars">Fewest characters.</param>
/// <param name="MaxChars">Most characters.</param>
/// <param name="MinWords">Fewest words (runs of non-whitespace).</param>
/// <param name="MaxWords">Most words.</param>
/// <param name="MinTokens">Fewest tokens (needs a token counter).</param>
/// <param name="MaxTokens">Most tokens (needs a token counter).</param>
public sealed record LengthLimits(int? MinChars = null, int? MaxChars = null, int? MinWords = null, int? MaxWords = null, int? MinTokens = null, int? MaxTokens = null);
