namespace HybridAI.Classifiers.Data;

/// <summary>What a column of a <see cref="TabularData"/> holds.</summary>
public enum TabularColumnKind
{
    /// <summary>Numbers; a missing value is <see cref="double.NaN"/>.</summary>
    Numeric = 0,

    /// <summary>Category names; a missing value is <see langword="null"/>.</summary>
    Categorical = 1,
}
