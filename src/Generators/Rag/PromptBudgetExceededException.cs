namespace HybridAI.Generators.Rag;

/// <summary>
/// The instructions and the question alone need more tokens than the prompt budget allows, so no evidence could be
/// added. The message gives the numbers, never the question's text.
/// </summary>
public sealed class PromptBudgetExceededException : Exception
{
    /// <summary>Creates the exception for a budget and the tokens needed without any evidence.</summary>
    /// <param name="budget">The usable budget (<see cref="EvidencePackingOptions.MaxPromptTokens"/>).</param>
    /// <param name="requiredTokens">Tokens the instructions, the question and the reserve take together.</param>
    /// <param name="instructionTokens">Tokens of the system message without sources.</param>
    /// <param name="questionTokens">Tokens of the question.</param>
    /// <param name="reservedTokens">Tokens held back (<see cref="EvidencePackingOptions.ReservedTokens"/>).</param>
    public PromptBudgetExceededException(int budget, int requiredTokens, int instructionTokens, int questionTokens, int reservedTokens)
        : base($"The prompt budget (MaxPromptTokens) is {budget} tokens, but the instructions and the question alone need {requiredTokens} " +
               $"(instructions {instructionTokens}, question {questionTokens}, reserved {reservedTokens}), leaving no room for evidence. " +
               "Raise MaxPromptTokens, shorten the instructions or the question, or lower ReservedTokens.")
    {
        Budget = budget;
        RequiredTokens = requiredTokens;
    }

    /// <summary>The prompt budget in tokens.</summary>
    public int Budget { get; }

    /// <summary>The tokens needed before any evidence.</summary>
    public int RequiredTokens { get; }
}
