using System.Security.Cryptography;
using System.Text.Json;
using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>Reads and checks a tabular model file's JSON header, then the payload it describes.</summary>
internal sealed class TabularModelHeader : JsonModelHeader
{
    private TabularModelHeader(JsonElement root)
        : base(root)
    {
    }

    public static TabularClassifier Read(JsonElement root, BinaryReader reader) => new TabularModelHeader(root).ReadModel(reader);

    private TabularClassifier ReadModel(BinaryReader reader)
    {
        var format = String(Root, "format");
        if (format != TabularModelFile.FormatName)
        {
            throw Fail($"Model format is '{format}' but '{TabularModelFile.FormatName}' was expected.", "format");
        }

        Version = Int(Root, "formatVersion");
        if (Version != TabularModelFile.FormatVersion)
        {
            throw Fail($"Model format version {Version} is not supported; this library reads version {TabularModelFile.FormatVersion}.", "formatVersion");
        }

        var kind = String(Root, "kind");
        var labels = Array(Root, "labels").EnumerateArray().Select(e => e.GetString() ?? throw Fail("A label is null.", "labels")).ToArray();
        if (labels.Length < 2 || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw Fail("labels must hold at least two distinct labels.", "labels");
        }

        var payloadLength = Int(Root, "payloadLength");
        if (payloadLength < 0)
        {
            throw Fail("payloadLength is negative.", "payloadLength");
        }

        var payload = ModelFile.ReadBytes(reader, payloadLength, "payload", Version);
        if (Convert.ToHexStringLower(SHA256.HashData(payload)) != String(Root, "payloadSha256"))
        {
            throw Fail("The payload does not match its SHA-256; the file is corrupt.", "payloadSha256");
        }

        using var data = new BinaryReader(new MemoryStream(payload));
        var featurizer = ReadFeaturizer(Object(Root, "featurizer"), data);
        var shape = Object(Root, "model");
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
        if (Root.TryGetProperty("calibrator", out var calibration) && calibration.ValueKind == JsonValueKind.Object)
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
            throw new ModelFormatException("The payload ends inside the tree nodes.", "payload.nodes", Version, ex);
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

}
