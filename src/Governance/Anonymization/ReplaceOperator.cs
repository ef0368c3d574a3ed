namespace HybridAI.Governance.Anonymization;

/// <summary>Numbered typed placeholders from the scope.</summary>
internal sealed class ReplaceOperator : PiiOperator
{
    public static readonly ReplaceOperator Instance = new();

    public override string Name => "replace";

    internal override string Apply(in OperatorContext context, string type, ReadOnlySpan<char> value) =>
        context.Scope.GetOrAddPlaceholder(type, value, context.SubjectHandle);
}
