namespace HybridAI.Abstractions.Privacy;

/// <summary>Finds personal data (names, emails, phone and card numbers…) in text.</summary>
/// <example>
/// <code>
/// IPiiDetector pii = ...;
/// foreach (var f in pii.Detect("Call Marie on +33 6 12 34 56 78"))
///     Console.WriteLine($"{f.Type} at {f.Start}..{f.End}");
/// </code>
/// </example>
public interface IPiiDetector
{
    /// <summary>
    /// Returns the findings in <paramref name="text"/>, ordered by start, not overlapping.
    /// Thread-safe.
    /// </summary>
    IReadOnlyList<PiiFinding> Detect(string text);
}

/// <summary>One piece of personal data found in a text.</summary>
/// <param name="Type">One of <see cref="PiiTypes"/> or a custom recognizer's own type.</param>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="Recognizer">Name of the recognizer that found it.</param>
public readonly record struct PiiFinding(string Type, int Start, int Length, double Score, string Recognizer)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;
}
