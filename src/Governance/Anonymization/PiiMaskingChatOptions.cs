namespace HybridAI.Governance.Anonymization;

/// <summary>How a <see cref="PiiMaskingChatClient"/> treats the model's answers.</summary>
public sealed class PiiMaskingChatOptions
{
    /// <summary>
    /// Policy: give the caller the re-identified answer (placeholders and tokens of the conversation's scope replaced by
    /// the clear values) instead of the anonymized one. Off by default. Personal data the model wrote itself is
    /// anonymized either way.
    /// </summary>
    public bool ReidentifyResponses { get; set; }

    /// <summary>Characters of a streamed answer held back until they are known to be safe (<see cref="StreamingAnonymizer.HoldBack"/>).</summary>
    public int HoldBack { get; set; } = StreamingAnonymizer.DefaultHoldBack;
}
