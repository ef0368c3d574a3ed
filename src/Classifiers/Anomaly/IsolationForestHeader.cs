using System.Security.Cryptography;
using System.Text.Json;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Anomaly;

/// <summary>Reads and checks an isolation-forest file's JSON header, then the payload it describes, naming the field at fault.</summary>
internal sealed class IsolationForestHeader
{
    private readonly JsonElement _root;
    private int? _version;

    private IsolationForestHeader(JsonElement root) => _root = root;

    public static IsolationForest Read(JsonElement root, BinaryReader reader) => new IsolationForestHeader(root).ReadForest(reader);

    private IsolationForest ReadForest(BinaryReader reader)
    {
        if (_root.ValueKind != JsonValueKind.Object)
        {
            throw Fail("Model header must be a JSON object.", "header");
        }

        var format = String(_root, "format");
        if (format != IsolationForestFile.FormatName)
        {
            throw Fail($"Model format is '{format}' but '{IsolationForestFile.FormatName}' was expected.", "format");
        }

        _version = Int(_root, "formatVersion");
        if (_version != IsolationForestFile.FormatVersion)
        {
            throw Fail($"Model formatVersion {_version} is not supported; this library reads version {IsolationForestFile.FormatVersion}.", "formatVersion");
        }

        var kind = String(_root, "kind");
        if (kind != IsolationForest.KindName)
        {
            throw Fail($"Model kind '{kind}' is not known; expected '{IsolationForest.KindName}'.", "kind");
        }

        var shape = Object(_root, "model");
        var dimension = Int(shape, "dimension");
        var treeCount = Int(shape, "trees");
        var nodeCount = Int(shape, "nodes");
        var sampleSize = Int(shape, "sampleSize");
        var maxDepth = Int(shape, "maxDepth");
        if (treeCount < 1 || nodeCount < treeCount)
        {
            throw Fail($"model.trees ({treeCount}) / model.nodes ({nodeCount}) are out of range.", "model.trees");
        }

        if (sampleSize < 2)
        {
            throw Fail($"model.sampleSize ({sampleSize}) must be at least 2.", "model.sampleSize");
        }

        if (maxDepth is < 1 or > 64)
        {
            throw Fail($"model.maxDepth ({maxDepth}) must be in 1..64.", "model.maxDepth");
        }

        var hasThreshold = Bool(_root, "hasThreshold");
        var payloadLength = Int(_root, "payloadLength");
        if (payloadLength < 0)
        {
            throw Fail("payloadLength is negative.", "payloadLength");
        }

        var payload = ModelFile.ReadBytes(reader, payloadLength, "payload", _version);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(payload)), String(_root, "payloadSha256"), StringComparison.OrdinalIgnoreCase))
        {
            throw Fail("The payload does not match its SHA-256; the file is corrupt.", "payloadSha256");
        }

        using var data = new BinaryReader(new MemoryStream(payload));
        var featurizer = ReadFeaturizer(Object(_root, "featurizer"), data);
        if (dimension != featurizer.Dimension)
        {
            throw Fail($"model.dimension {dimension} disagrees with the featurizer's {featurizer.Dimension} features.", "model.dimension");
        }

        var roots = new int[treeCount];
        var feature = new int[nodeCount];
        var thresholds = new float[nodeCount];
        var left = new int[nodeCount];
        var right = new int[nodeCount];
        var pathLength = new double[nodeCount];
        Need(data, (long)treeCount * sizeof(int), "payload.roots");
        for (var t = 0; t < treeCount; t++)
        {
            roots[t] = data.ReadInt32();
            if (roots[t] < 0 || roots[t] >= nodeCount)
            {
                throw Fail($"Tree {t} has its root outside the model.", "payload.roots");
            }
        }

        Need(data, (long)nodeCount * ((4 * sizeof(int)) + sizeof(double)), "payload.nodes");
        for (var n = 0; n < nodeCount; n++)
        {
            feature[n] = data.ReadInt32();
            thresholds[n] = data.ReadSingle();
            left[n] = data.ReadInt32();
            right[n] = data.ReadInt32();
            pathLength[n] = data.ReadDouble();

            // Children always come after their parent, so a valid file cannot make scoring loop forever.
            var badSplit = feature[n] >= 0 && (left[n] <= n || right[n] <= n || left[n] >= nodeCount || right[n] >= nodeCount || float.IsNaN(thresholds[n]));
            var badLeaf = feature[n] < 0 && !(double.IsFinite(pathLength[n]) && pathLength[n] >= 0);
            if (feature[n] < -1 || feature[n] >= dimension || badSplit || badLeaf)
            {
                throw Fail($"Tree node {n} points outside the model or has an invalid path length.", "payload.nodes");
            }
        }

        double? threshold = null;
        if (hasThreshold)
        {
            Need(data, sizeof(double), "payload.threshold");
            var value = data.ReadDouble();
            threshold = value is > 0 and <= 1 ? value : throw Fail("The anomaly threshold is outside (0, 1].", "payload.threshold");
        }

        if (data.BaseStream.Position != payload.Length)
        {
            throw Fail("The payload is longer than the header describes.", "payloadLength");
        }

        return new IsolationForest(featurizer, sampleSize, maxDepth, roots, feature, thresholds, left, right, pathLength, threshold);
    }

    private TabularFeaturizer ReadFeaturizer(JsonElement element, BinaryReader data)
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
                    Need(data, 3 * sizeof(double), "payload.columns");
                    fitted = new FeaturizedColumn(name, TabularColumnKind.Numeric, offset, data.ReadDouble(), data.ReadDouble(), data.ReadDouble(), missing, []);
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

    private void Need(BinaryReader data, long bytes, string field)
    {
        if (bytes > data.BaseStream.Length - data.BaseStream.Position)
        {
            throw Fail($"The payload ends early while reading '{field}'; the file is corrupt.", field);
        }
    }

    private JsonElement Property(JsonElement parent, string name, JsonValueKind kind)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            throw Fail($"The header has no '{name}'.", name);
        }

        var matches = value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False);
        return matches ? value : throw Fail($"The header's '{name}' is a {value.ValueKind}, not a {kind}.", name);
    }

    private string String(JsonElement parent, string name) => Property(parent, name, JsonValueKind.String).GetString()!;

    private int Int(JsonElement parent, string name) => Property(parent, name, JsonValueKind.Number).TryGetInt32(out var v) ? v : throw Fail($"'{name}' is not a 32-bit integer.", name);

    private bool Bool(JsonElement parent, string name) => Property(parent, name, JsonValueKind.True).GetBoolean();

    private JsonElement Array(JsonElement parent, string name) => Property(parent, name, JsonValueKind.Array);

    private JsonElement Object(JsonElement parent, string name) => Property(parent, name, JsonValueKind.Object);

    private ModelFormatException Fail(string message, string field) => new(message, field, _version);
}
