namespace HybridAI.Governance.Masking;

/// <summary>A text with its personal data replaced by placeholders, and the vault that can put them back.</summary>
/// <param name="Text">The masked text.</param>
/// <param name="Vault">Placeholder → original value; in memory only.</param>
public readonly record struct MaskedText(string Text, PiiVault Vault)
{
    /// <summary>Shows the masked text only.</summary>
    public override string ToString() => Text;
}
