namespace HybridAI.Native.LlamaCpp;

/// <summary>What one <see cref="LlamaContext.Generate"/> call produces and when it stops.</summary>
public sealed record LlamaGenerationOptions
{
    /// <summary>Most tokens to generate; reaching it ends with <see cref="LlamaFinishReason.Length"/>. Default 256.</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>Texts that end generation when produced; the stop text itself is never emitted.</summary>
    public IReadOnlyList<string> StopStrings { get; init; } = [];

    /// <summary>How tokens are chosen.</summary>
    public LlamaSamplingOptions Sampling { get; init; } = new();

    /// <summary>A GBNF grammar the output must follow (see <see cref="JsonSchemaGrammar"/>); null for free text.</summary>
    public string? Grammar { get; init; }

    /// <summary>The grammar's start rule. Default <c>root</c>.</summary>
    public string GrammarRoot { get; init; } = "root";

    /// <summary>What to do when the prompt does not fit the context. Default <see cref="LlamaContextOverflow.Throw"/>.</summary>
    public LlamaContextOverflow Overflow { get; init; } = LlamaContextOverflow.Throw;
}

/// <summary>What happens when a prompt is longer than the context allows.</summary>
public enum LlamaContextOverflow
{
    /// <summary>Throw <see cref="LlamaContextOverflowException"/>.</summary>
    Throw,

    /// <summary>Drop the oldest prompt tokens (keeping the first, usually beginning-of-sequence) to leave room for output.</summary>
    TruncateOldest,
}

/// <summary>Why generation ended.</summary>
public enum LlamaFinishReason
{
    /// <summary>The model ended its turn, a stop string appeared, or the grammar completed.</summary>
    Stop,

    /// <summary>The token budget or the context ran out.</summary>
    Length,
}

/// <summary>One step of generation: the text completed by the latest token, and on the last step why it ended.</summary>
/// <param name="Text">New text (possibly empty while a character or a possible stop string is held back).</param>
/// <param name="Token">The token generated, or -1 on a final step that carries no token.</param>
/// <param name="FinishReason">Set on the last step only.</param>
/// <param name="PromptTokens">Tokens of the prompt (after truncation).</param>
/// <param name="GeneratedTokens">Tokens generated so far.</param>
/// <param name="ReusedTokens">Prompt tokens whose KV cache was kept from the previous call on this context.</param>
public readonly record struct LlamaGenerationStep(string Text, int Token, LlamaFinishReason? FinishReason, int PromptTokens, int GeneratedTokens, int ReusedTokens);

/// <summary>The prompt does not fit the context and <see cref="LlamaContextOverflow.Throw"/> was asked for.</summary>
public sealed class LlamaContextOverflowException : LlamaCppException
{
    /// <summary>Creates the exception.</summary>
    public LlamaContextOverflowException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LlamaContextOverflowException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LlamaContextOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
