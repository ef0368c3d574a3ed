using System.Text.Json;
using System.Text.Json.Serialization;

namespace HybridAI.Generators.Tests.Tokenization;

/// <summary>
/// The expected ids in tiktoken-cases.json, written by js-tiktoken itself (see make-tiktoken-cases.cjs for the command
/// that regenerates them): fixed texts covering Unicode, emoji, astral letters, whitespace runs and code, plus 300
/// seeded random strings over every character class the patterns distinguish.
/// </summary>
internal static class TiktokenCases
{
    private static readonly Lazy<CaseFile> File = new(() =>
        JsonSerializer.Deserialize<CaseFile>(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Tokenization", "tiktoken-cases.json")))!);

    public static IReadOnlyList<Case> All => File.Value.Cases;

    public static ChatCase Chat => File.Value.Chat;

    internal sealed record CaseFile([property: JsonPropertyName("cases")] List<Case> Cases, [property: JsonPropertyName("chat")] ChatCase Chat);

    internal sealed record Case([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("ids")] Dictionary<string, int[]> Ids);

    internal sealed record ChatCase(
        [property: JsonPropertyName("messages")] List<Dictionary<string, string>> Messages,
        [property: JsonPropertyName("counts")] Dictionary<string, int> Counts);
}
