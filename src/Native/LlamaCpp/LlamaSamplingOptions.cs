namespace HybridAI.Native.LlamaCpp;

/// <summary>
/// How the next token is chosen. The chain runs grammar → penalties → top-k → top-p → min-p → temperature →
/// seeded draw; a temperature of 0 picks the most likely token (greedy) and ignores the rest.
/// </summary>
public sealed record LlamaSamplingOptions
{
    /// <summary>Softmax temperature; 0 is greedy. Default 0.8.</summary>
    public float Temperature { get; init; } = 0.8f;

    /// <summary>Keep the k most likely tokens; 0 disables. Default 40.</summary>
    public int TopK { get; init; } = 40;

    /// <summary>Keep the smallest set of tokens whose probability sums to p; 1 disables. Default 0.95.</summary>
    public float TopP { get; init; } = 0.95f;

    /// <summary>Drop tokens less likely than this fraction of the most likely one; 0 disables. Default 0.05.</summary>
    public float MinP { get; init; } = 0.05f;

    /// <summary>Divides the logits of recently seen tokens; 1 disables. Default 1.</summary>
    public float RepeatPenalty { get; init; } = 1f;

    /// <summary>Subtracted per occurrence of a recently seen token; 0 disables.</summary>
    public float FrequencyPenalty { get; init; }

    /// <summary>Subtracted once for any recently seen token; 0 disables.</summary>
    public float PresencePenalty { get; init; }

    /// <summary>How many recent tokens the penalties look at. Default 64.</summary>
    public int PenaltyLastTokens { get; init; } = 64;

    /// <summary>Seed of the random draw: the same seed, prompt and options give the same text. Null picks one at random.</summary>
    public uint? Seed { get; init; }

    internal bool HasPenalties => RepeatPenalty != 1f || FrequencyPenalty != 0f || PresencePenalty != 0f;

    internal void Validate()
    {
        if (float.IsNaN(Temperature) || Temperature < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be 0 (greedy) or more.");
        }

        if (TopK < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be 0 (off) or more.");
        }

        if (!(TopP is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "TopP must be in (0, 1].");
        }

        if (!(MinP is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinP), MinP, "MinP must be in [0, 1).");
        }

        if (!(RepeatPenalty > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(RepeatPenalty), RepeatPenalty, "RepeatPenalty must be positive (1 = off).");
        }
    }
}
