namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>
/// How the next token is chosen. Temperature 0 is greedy (the highest logit, the lowest id on ties); otherwise the
/// logits are penalised, divided by the temperature, cut by top-k, top-p and min-p, and sampled.
/// </summary>
/// <param name="Temperature">0 for greedy; otherwise the softmax temperature.</param>
/// <param name="TopK">Keep the k most likely tokens (0: all).</param>
/// <param name="TopP">Keep the smallest set of most likely tokens whose probability reaches p (1: all).</param>
/// <param name="MinP">Drop tokens less likely than min-p times the most likely one (0: none).</param>
/// <param name="RepetitionPenalty">Hugging Face's: a token already in the sequence has a positive logit divided by it, a negative one multiplied (1: none).</param>
/// <param name="FrequencyPenalty">OpenAI's: subtracted from a token's logit once per time it was generated.</param>
/// <param name="PresencePenalty">OpenAI's: subtracted once from the logit of every token generated at least once.</param>
/// <param name="Seed">The random seed: the same seed, prompt and settings give the same tokens; null draws one.</param>
internal sealed record SamplingSettings(
    float Temperature = 0,
    int TopK = 0,
    float TopP = 1,
    float MinP = 0,
    float RepetitionPenalty = 1,
    float FrequencyPenalty = 0,
    float PresencePenalty = 0,
    long? Seed = null)
{
    public SamplingSettings Validated()
    {
        Check(Temperature >= 0 && float.IsFinite(Temperature), "Temperature must be 0 (greedy) or positive.");
        Check(TopK >= 0, "TopK must be 0 (off) or positive.");
        Check(TopP is > 0 and <= 1, "TopP must be in (0, 1].");
        Check(MinP is >= 0 and < 1, "min_p must be in [0, 1).");
        Check(RepetitionPenalty > 0 && float.IsFinite(RepetitionPenalty), "repetition_penalty must be positive.");
        Check(float.IsFinite(FrequencyPenalty) && float.IsFinite(PresencePenalty), "Frequency and presence penalties must be finite.");
        return this;
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException("ChatOptions: " + message);
        }
    }
}
