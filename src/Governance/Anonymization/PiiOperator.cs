namespace HybridAI.Governance.Anonymization;

/// <summary>
/// What an <see cref="Anonymizer"/> puts in place of one piece of personal data. Pick one per type in
/// <see cref="AnonymizerOptions"/>; only <see cref="Replace"/> and <see cref="Encrypt"/> can be undone.
/// </summary>
/// <example>
/// <code>
/// var options = new AnonymizerOptions();                       // default: typed placeholders
/// options.Operators[PiiTypes.CreditCard] = PiiOperator.Mask(keepLast: 4);   // "**** **** **** 1111"
/// options.Operators[PiiTypes.Email] = PiiOperator.Hash();                    // "&lt;EMAIL:9f3a1c2b4d5e6f70&gt;"
/// options.Operators[PiiTypes.Iban] = PiiOperator.Encrypt();                  // "&lt;ENC:IBAN:AQ3k…&gt;"
/// options.Operators[PiiTypes.IpAddress] = PiiOperator.Redact();              // "&lt;IP_ADDRESS&gt;"
/// </code>
/// </example>
public abstract class PiiOperator
{
    private protected PiiOperator()
    {
    }

    /// <summary>The operator's name and settings, e.g. <c>mask(keepLast=4)</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// A numbered typed placeholder, <c>&lt;PERSON_1&gt;</c>, consistent within a scope (<see cref="Masking.PiiVault"/>):
    /// the same value always gets the same number, so the model can tell people apart. Reversible through the scope.
    /// </summary>
    public static PiiOperator Replace() => ReplaceOperator.Instance;

    /// <summary>
    /// Masks all but the last <paramref name="keepLast"/> letters and digits, keeping separators: a card becomes
    /// <c>**** **** **** 1111</c>. An email keeps its first letter and its domain: <c>j***@example.com</c>. Irreversible.
    /// </summary>
    /// <param name="keepLast">How many trailing letters or digits stay readable (0 masks them all).</param>
    /// <param name="maskChar">The character written instead.</param>
    public static PiiOperator Mask(int keepLast = 4, char maskChar = '*')
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepLast);
        if (char.IsSurrogate(maskChar) || char.IsControl(maskChar))
            throw new ArgumentException("The mask character must be a printable character, not a surrogate or control.", nameof(maskChar));
        return new MaskOperator(keepLast, maskChar);
    }

    /// <summary>The bare type, <c>&lt;EMAIL&gt;</c>: says what was there, never which. Irreversible.</summary>
    public static PiiOperator Redact() => RedactOperator.Typed;

    /// <summary>Removes the value altogether (an empty string). Irreversible.</summary>
    public static PiiOperator Remove() => RedactOperator.Empty;

    /// <summary>
    /// A keyed hash, <c>&lt;EMAIL:9f3a1c2b4d5e6f70&gt;</c>: HMAC-SHA256 of the type and value (UTF-8) under
    /// <see cref="AnonymizerOptions.HashKey"/> or the key vault's hash key, truncated to <paramref name="hexChars"/>.
    /// The same value gives the same hash in every run with the same key, so records can be linked without the
    /// value; it cannot be undone, and erasing a subject does not change it.
    /// </summary>
    /// <param name="hexChars">Hex digits kept, even, 8 to 64.</param>
    public static PiiOperator Hash(int hexChars = 16)
    {
        if (hexChars is < 8 or > 64 || hexChars % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(hexChars), hexChars, "Hex digits must be an even number from 8 to 64.");
        return new HashOperator(hexChars);
    }

    /// <summary>
    /// AES-256-GCM under the subject's data key in a <see cref="PiiKeyVault"/>, as a token embeddable in text:
    /// <c>&lt;ENC:EMAIL:base64url&gt;</c>. The same value of the same subject gives the same token. Readable only through
    /// the vault (<see cref="Anonymizer.Reidentify"/>, <see cref="PiiKeyVault.Decrypt"/>), and never again once the subject
    /// is erased.
    /// </summary>
    public static PiiOperator Encrypt() => EncryptOperator.Instance;

    /// <summary>What to write in place of <paramref name="value"/>.</summary>
    internal abstract string Apply(in OperatorContext context, string type, ReadOnlySpan<char> value);

    /// <summary>Needs a key vault (encryption).</summary>
    internal virtual bool NeedsKeyVault => false;

    /// <summary>Needs a hash key.</summary>
    internal virtual bool NeedsHashKey => false;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>What the operators may use for one text.</summary>
internal readonly record struct OperatorContext(Masking.PiiVault Scope, string? SubjectHandle, PiiKeyVault? Keys, byte[]? HashKey);
