using System.Globalization;
using System.Text;
using HybridAI.Abstractions.Classification;

namespace HybridAI.Generators.Grounding;

/// <summary>
/// Writes an inference result's numbers the same way on every machine: invariant digits, a decimal comma in
/// French, never the current culture (a report must not change with the server's locale).
/// </summary>
internal static class ReportValues
{
    /// <summary>How many top features a report names.</summary>
    public const int MaxFeatures = 3;

    public static string Confidence(double confidence, bool french) =>
        Number(confidence * 100, "0.#", french) + (french ? " %" : "%");

    public static string Score(double score, bool french) => Number(score, "0.###", french);

    public static string Features(IReadOnlyList<FeatureContribution> features, bool french)
    {
        int count = Math.Min(features.Count, MaxFeatures);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(i == count - 1 ? (french ? " et " : " and ") : ", ");
            }

            text.Append(OneLine(features[i].Feature)).Append(" (").Append(Number(features[i].Weight, "+0.##;-0.##;0", french)).Append(')');
        }

        return text.ToString();
    }

    /// <summary>A model's label or feature name as it goes into a sentence: one line, single spaces.</summary>
    public static string OneLine(string value) => Text.TextFolding.OneLine(value.Trim());

    private static string Number(double value, string format, bool french)
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return french ? text.Replace('.', ',') : text;
    }
}
