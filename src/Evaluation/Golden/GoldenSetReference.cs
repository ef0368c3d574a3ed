namespace HybridAI.Evaluation.Golden;

/// <summary>Which golden set a result was measured on: recorded with every result so two runs can be compared honestly.</summary>
/// <param name="Name">The set's name from its header.</param>
/// <param name="Version">The set's version from its header.</param>
/// <param name="ContentHash">SHA-256 (lower-case hex) of the canonical records; changes when any record changes.</param>
/// <param name="Count">How many examples.</param>
public sealed record GoldenSetReference(string Name, string Version, string ContentHash, int Count);
