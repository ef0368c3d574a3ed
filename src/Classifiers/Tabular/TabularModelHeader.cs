using System.Security.Cryptography;
using System.Text.Json;
using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>Reads and checks a tabular model file's JSON header, then the payload it describes.</summary>
internal sealed class TabularModelHeader
{
    private readonly JsonElement _root;
    private int? _version;

    private TabularModelHeader(JsonElement root) => _root = root;

    public static TabularClassifier Read(JsonElement root, BinaryReader reader) => new TabularModelHeader(root).ReadModel(reader);

    private TabularClassifier ReadModel(BinaryReader reader)
    {
        var format = String(_root, "format");
        if (format != TabularModelFile.FormatName)
        {
            throw Fail($"Model format is '{format}' but '{TabularModelFile.FormatName}' was expected.", "format");
        }

        _version = Int(_root, "formatVersion");
        if (_version != TabularModelFile.FormatVersion)
        {
            throw Fail($"Model format version {_version} is not supported; this library reads version {TabularModelFile.FormatVersion}.", "formatVersion");
        }

        var kind = String(_root, "kind");
        var labels = Array(_root, "labels").EnumerateArray().Select(e => e.GetString() ?? throw Fail("A label is null.", "labels")).ToArray();
        if (labels.Length < 2 || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw Fail("labels must hold at least two distinct labels.", "labels");
        }

        var payloadLength = Int(_root, "payloadLength");
        if (payloadLength < 0)
        {
            throw Fail("payloadLength is negative.", "payloadLength");
        }

        var payload = ModelFile.ReadBytes(reader, payloadLength, "payload", _version);
        if (Convert.ToHexStringLower(SHA256.HashData(payload)) != String(_root, "payloadSha256"))
        {
            throw Fail("The payload does not match its SHA-256; the file is corrupt.", "payloadSha256");
        }

        using var data = new BinaryReader(new MemoryStream(payload));
        var featurizer = ReadFeaturizer(Object(_root, "featurizer"), data);
        var shape = Object(_root, "model");
        var dimension = Int(shape, "dimension");
        var classes = Int(shape, "classes");
        if (dimension != featurizer.Dimension || classes != labels.Length)
        {
            throw Fail($"model.dimension {dimension} / model.classes {classes} disagree with the featurizer ({featurizer.Dimension}) / labels ({labels.Length}).", "model");
        }

        ITabularModel model = kind switch
        {
            LinearModel.KindName => new LinearModel(Doubles(data, dimension * classes, "payload.weights"), Doubles(data, classes, "payload.biases")),
            TreeEnsemble.KindName => ReadTrees(shape, data, dimension, classes),
            _ => throw Fail($"Model kind '{kind}' is not known.", "kind"),
        };

        ProbabilityCalibrator? calibrator = null;
        if (_root.TryGetProperty("calibrator", out var calibration) && calibration.ValueKind == JsonValueKind.Object)
        {
            var count = Int(calibration, "parameters");
            calibrator = ProbabilityCalibrator.FromParameters(String(calibration, "kind"), Doubles(data, count, "payload.calibrator"));
        }

        if (data.BaseStream.Position != payload.Length)
        {
            throw Fail("The payload is longer than the header describes.", "payloadLength");
        }

        var classifier = new TabularClassifier(featurizer, labels, model);
        return calibrator is null ? classifier : classifier.WithCalibrator(calibrator);
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

    private TreeEnsemble ReadTrees(JsonElement shape, BinaryReader data, int dimension, int classes)
    {
        var treeCount = Int(shape, "trees");
        var nodeCount = Int(shape, "nodes");
        if (treeCount < 0 || nodeCount < treeCount)
        {
            throw Fail("model.trees / model.nodes are out of range.", "model");
        }

        var baseMargins = Doubles(data, classes, "payload.baseMargins");
        var roots = Ints(data, treeCount, "payload.roots");
        var treeClass = Ints(data, treeCount, "payload.treeClasses");
        var feature = new int[nodeCount];
        var threshold = new float[nodeCount];
        var left = new int[nodeCount];
        var right = new int[nodeCount];
        var value = new double[nodeCount];
        try
        {
            for (var n = 0; n < nodeCount; n++)
            {
                feature[n] = data.ReadInt32();
                threshold[n] = data.ReadSingle();
                left[n] = data.ReadInt32();
                right[n] = data.ReadInt32();
                value[n] = data.ReadDouble();

                // Children always come after their parent, so a valid file cannot make scoring loop forever.
                if (feature[n] >= dimension || (feature[n] >= 0 && (left[n] <= n || right[n] <= n || left[n] >= nodeCount || right[n] >= nodeCount)))
                {
                    throw Fail($"Tree node {n} points outside the model.", "payload.nodes");
                }
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new ModelFormatException("The payload ends inside the tree nodes.", "payload.nodes", _version, ex);
        }

        for (var t = 0; t < treeCount; t++)
        {
            if (roots[t] < 0 || roots[t] >= nodeCount || treeClass[t] < 0 || treeClass[t] >= classes)
            {
                throw Fail($"Tree {t} has an invalid root or class.", "payload.roots");
            }
        }

        return new TreeEnsemble(baseMargins, roots, treeClass, feature, threshold, left, right, value, dimension);
    }

    private double[] Doubles(BinaryReader data, int count, string field)
    {
        if (count < 0 || (long)count * sizeof(double) > data.BaseStream.Length - data.BaseStream.Position)
        {
            throw Fail("The payload is shorter than the header describes.", field);
        }

        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = data.ReadDouble();
        }

        return values;
    }

    private int[] Ints(BinaryReader data, int count, string field)
    {
        if (count < 0 || (long)count * sizeof(int) > data.BaseStream.Length - data.BaseStream.Position)
        {
            throw Fail("The payload is shorter than the header describes.", field);
        }

        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = data.ReadInt32();
        }

        return values;
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
