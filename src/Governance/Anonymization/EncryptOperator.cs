namespace HybridAI.Governance.Anonymization;

/// <summary>An AES-GCM token under the subject's key.</summary>
internal sealed class EncryptOperator : PiiOperator
{
    public static readonly EncryptOperator Instance = new();

    public override string Name => "encrypt";

    internal override bool NeedsKeyVault => true;

    internal override string Apply(in OperatorContext context, string type, ReadOnlySpan<char> value)
    {
        var keys = context.Keys!;
        var tokenType = TokenType(type);
        // Without a caller-given subject each value is its own subject, so it can be erased on its own.
        var handle = context.SubjectHandle ?? keys.HandleOf(keys.SubjectOf(type, value));
        return keys.Encrypt(tokenType, value, handle);
    }

    /// <summary>The type as a token can carry it: A-Z, 0-9 and '_'.</summary>
    private static string TokenType(string type)
    {
        if (EncryptedToken.IsTypeName(type) && type.Length <= 64)
            return type;
        return string.Create(Math.Min(type.Length, 64), type, static (dest, t) =>
        {
            for (var i = 0; i < dest.Length; i++)
            {
                var c = char.ToUpperInvariant(t[i]);
                dest[i] = c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_';
            }
        });
    }
}
