namespace HybridAI.Abstractions.Generation;

/// <summary>
/// Counts the tokens a model sees for a text, for budgets (what fits in a context window), usage and cost.
/// Implementations are exact for the model they stand for (its own tokenizer, or the endpoint's tiktoken encoding);
/// an estimate says so in its name. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// ITokenCounter counter = TiktokenEncoding.ForModel("gpt-4o");
/// int tokens = counter.CountTokens("How many tokens is this?");
/// </code>
/// </example>
public interface ITokenCounter
{
    /// <summary>The number of tokens <paramref name="text"/> encodes to, with no special tokens added.</summary>
    int CountTokens(string text);
}
