namespace HybridAI.Governance.Anonymization;

/// <summary>A truncated HMAC-SHA256 of the value.</summary>
internal sealed class HashOperator(int hexChars) : PiiOperator
{
    public override string Name => $"hash(hexChars={hexChars})";

    internal override bool NeedsHashKey => true;

    internal override string Apply(in OperatorContext context, string type, ReadOnlySpan<char> value) =>
        string.Concat("<", type, ":", ValueHash.Hex(context.HashKey!, type, value, hexChars), ">");
}
