namespace HybridAI.Governance.Pii.Evaluation;

/// <summary>A labelled piece of personal data: its type and its character range <c>[Start, End)</c>.</summary>
/// <param name="Type">One of <see cref="HybridAI.Abstractions.Privacy.PiiTypes"/>, or any other type name (reported on its own row).</param>
/// <param name="Start">Index of the first character (UTF-16 code unit, as in a .NET string).</param>
/// <param name="End">One past the last character.</param>
public readonly record struct PiiSpan(string Type, int Start, int End)
{
    /// <summary>Whether the two ranges share at least one character.</summary>
    public bool Overlaps(int start, int end) => start < End && Start < end;
}
