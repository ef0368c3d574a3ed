using System.Text.Json;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// What every model file's header reader shares: typed access to the JSON header that names the field at fault,
/// length-checked payload reads, and the featurizer block that tabular models and isolation forests both store.
/// </summary>
internal abstract class JsonModelHeader(JsonElement root)
{
    protected JsonElement Root { get; } = root;

    /// <summary>The file's format version once read; carried by every error.</summary>
    protected int? Version { get; set; }

    protected TabularFeaturizer ReadFeaturizer(JsonElement element, BinaryReader data)
    {
        var options = new TabularFeaturizerOptions { Standardize = Bool(element, "standardize"), MissingIndicators = Bool(element, "missingIndicators") };
        var columns = new List<FeaturizedColumn>();
        var offset = 0;
        foreach (var column in Array(element, "columns").EnumerateArray())
        {
            var name = String(column, "name");
            var missing = Bool(column, "missingFeature");
            FeaturizedColumn fitted;
            switch (String(column, "type"))
            {
                case "numeric":
                    var stats = Doubles(data, 3, "payload.columns");
                    fitted = new FeaturizedColumn(name, TabularColumnKind.Numeric, offset, stats[0], stats[1], stats[2], missing, []);
                    break;
                case "categorical":
                    var categories = Array(column, "categories").EnumerateArray().Select(e => e.GetString() ?? throw Fail("A category is null.", "featurizer.columns")).ToArray();
                    fitted = new FeaturizedColumn(name, TabularColumnKind.Categorical, offset, 0, 0, 1, missing, categories);
                    break;
                default:
                    throw Fail("A featurizer column's type is neither 'numeric' nor 'categorical'.", "featurizer.columns");
            }

            columns.Add(fitted);
            offset += fitted.Width;
        }

        if (columns.Count == 0)
        {
            throw Fail("The featurizer has no columns.", "featurizer.columns");
        }

        return new TabularFeaturizer([.. columns], options);
    }

    protected double[] Doubles(BinaryReader data, int count, string field)
    {
        Need(data, (long)count * sizeof(double), count, field);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = data.ReadDouble();
        }

        return values;
    }

    protected int[] Ints(BinaryReader data, int count, string field)
    {
        Need(data, (long)count * sizeof(int), count, field);
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = data.ReadInt32();
        }

        return values;
    }

    protected void Need(BinaryReader data, long bytes, string field) => Need(data, bytes, 0, field);

    private void Need(BinaryReader data, long bytes, int count, string field)
    {
        if (count < 0 || bytes > data.BaseStream.Length - data.BaseStream.Position)
        {
            throw Fail($"The payload ends early while reading '{field}'; the file is corrupt.", field);
        }
    }

    protected JsonElement Property(JsonElement parent, string name, JsonValueKind kind)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            throw Fail($"The header has no '{name}'.", name);
        }

        var matches = value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        return matches ? value : throw Fail($"The header's '{name}' is a {value.ValueKind}, not a {kind}.", name);
    }

    protected string String(JsonElement parent, string name) => Property(parent, name, JsonValueKind.String).GetString()!;

    protected int Int(JsonElement parent, string name) =>
        Property(parent, name, JsonValueKind.Number).TryGetInt32(out var v) ? v : throw Fail($"'{name}' is not a 32-bit integer.", name);

    protected bool Bool(JsonElement parent, string name) => Property(parent, name, JsonValueKind.True).GetBoolean();

    protected JsonElement Array(JsonElement parent, string name) => Property(parent, name, JsonValueKind.Array);

    protected JsonElement Object(JsonElement parent, string name) => Property(parent, name, JsonValueKind.Object);

    protected ModelFormatException Fail(string message, string field) => new(message, field, Version);
}
