using System.Globalization;
using System.Text;

namespace HybridAI.Retrieval.Tests.Embeddings;

/// <summary>A few words in the wink-embeddings JSON layout, for format tests that must not wait for the real 307 MB file.</summary>
internal static class TinyWinkJson
{
    public static readonly string[] Words = ["the", ",", "king", "queen", "e-mail", "café", "do", "not", "\"quoted\""];

    public static float[] Vector(int row) => [.. Enumerable.Range(0, 4).Select(d => ((row + 1) * 0.25f) - (d * 0.125f) + (d == row % 4 ? 1f : 0f))];

    public static string Write(TempDirectory folder, string name = "tiny.json", Func<string, string>? edit = null)
    {
        var json = new StringBuilder("{\"precision\":8,\"l2NormIndex\":4,\"wordIndex\":5,\"size\":")
            .Append(Words.Length).Append(",\"dimensions\":4,\"words\":[")
            .AppendJoin(',', Words.Select(Quote)).Append("],\"vectors\":{");
        // Not in frequency order, as nothing promises that the object's keys are.
        foreach (int row in Enumerable.Range(0, Words.Length).Reverse())
        {
            float[] v = Vector(row);
            json.Append(Quote(Words[row])).Append(":[")
                .AppendJoin(',', v.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))
                .Append(",1.5,").Append(row).Append(']').Append(row == 0 ? "" : ",");
        }

        json.Append("},\"unkVector\":[0,0,0,0,0,-1]}");
        string text = edit is null ? json.ToString() : edit(json.ToString());
        return folder.Write(name, text);
    }

    private static string Quote(string word) => System.Text.Json.JsonSerializer.Serialize(word);
}
