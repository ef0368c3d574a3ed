using System.Text.Json;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>Writes a fitted featurizer's description into a model file header (its statistics go in the payload).</summary>
internal static class FeaturizerJson
{
    public static void Write(Utf8JsonWriter json, TabularFeaturizer featurizer)
    {
        json.WriteStartObject("featurizer");
        json.WriteBoolean("standardize", featurizer.Options.Standardize);
        json.WriteBoolean("missingIndicators", featurizer.Options.MissingIndicators);
        json.WriteStartArray("columns");
        foreach (var column in featurizer.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Kind == TabularColumnKind.Numeric ? "numeric" : "categorical");
            json.WriteBoolean("missingFeature", column.MissingFeature);
            if (column.Kind == TabularColumnKind.Categorical)
            {
                json.WriteStartArray("categories");
                foreach (var category in column.Categories)
                {
                    json.WriteStringValue(category);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
