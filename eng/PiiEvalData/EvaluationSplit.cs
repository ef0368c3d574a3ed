using System.Globalization;
using System.Text;

namespace HybridAI.PiiEvalData;

/// <summary>
/// The split rule shared with the gazetteer export (eng/pii-data/export-faker.mjs): FNV-1a 32-bit over the UTF-8 of
/// the value trimmed and lower-cased (invariant); hash % 4 == 0 is the evaluation split, the rest is for training.
/// </summary>
public static class EvaluationSplit
{
    public static uint Hash(string value)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(value.Trim().ToLower(CultureInfo.InvariantCulture)))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash;
    }

    public static bool IsEvaluation(string value) => Hash(value) % 4 == 0;
}
