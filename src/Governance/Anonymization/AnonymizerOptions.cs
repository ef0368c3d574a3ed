namespace HybridAI.Governance.Anonymization;

/// <summary>Which <see cref="PiiOperator"/> an <see cref="Anonymizer"/> applies to each type of personal data.</summary>
/// <example>
/// <code>
/// var options = new AnonymizerOptions { HashKey = hashKeyFromSecrets };
/// options.Operators[PiiTypes.Email] = PiiOperator.Hash();
/// options.Operators[PiiTypes.CreditCard] = PiiOperator.Mask(keepLast: 4);
/// // every other type keeps the default, PiiOperator.Replace(): "&lt;PERSON_1&gt;"
/// </code>
/// </example>
public sealed class AnonymizerOptions
{
    /// <summary>The operator of types not listed in <see cref="Operators"/>; typed placeholders unless set.</summary>
    public PiiOperator Default { get; set; } = PiiOperator.Replace();

    /// <summary>Type (<c>PiiTypes.Email</c>, a custom recognizer's type; case-insensitive) → operator.</summary>
    public IDictionary<string, PiiOperator> Operators { get; } = new Dictionary<string, PiiOperator>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The HMAC key of <see cref="PiiOperator.Hash"/> (at least 16 bytes). When null, the key vault's hash key (derived
    /// from its master key) is used; one of the two is needed when any type is hashed.
    /// </summary>
    public byte[]? HashKey { get; set; }

    /// <summary>The operator for <paramref name="type"/>.</summary>
    public PiiOperator For(string type) => Operators.TryGetValue(type, out var op) ? op : Default;
}
