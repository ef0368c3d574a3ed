namespace HybridAI.Governance.Anonymization;

/// <summary>The bare type, or nothing.</summary>
internal sealed class RedactOperator(bool typed) : PiiOperator
{
    public static readonly RedactOperator Typed = new(true);
    public static readonly RedactOperator Empty = new(false);

    public override string Name => typed ? "redact" : "remove";

    internal override string Apply(in OperatorContext context, string type, ReadOnlySpan<char> value) =>
        typed ? string.Concat("<", type, ">") : string.Empty;
}
