using System.Security.Cryptography;
using System.Text.Json;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Anomaly;

/// <summary>Reads and checks an isolation-forest file's JSON header, then the payload it describes, naming the field at fault.</summary>
internal sealed class IsolationForestHeader : JsonModelHeader
{
    private IsolationForestHeader(JsonElement root)
        : base(root)
    {
    }

    public static IsolationForest Read(JsonElement root, BinaryReader reader) => new IsolationForestHeader(root).ReadForest(reader);

    private IsolationForest ReadForest(BinaryReader reader)
    {
        if (Root.ValueKind != JsonValueKind.Object)
        {
            throw Fail("Model header must be a JSON object.", "header");
        }

        var format = String(Root, "format");
        if (format != IsolationForestFile.FormatName)
        {
            throw Fail($"Model format is '{format}' but '{IsolationForestFile.FormatName}' was expected.", "format");
        }

        Version = Int(Root, "formatVersion");
        if (Version != IsolationForestFile.FormatVersion)
        {
            throw Fail($"Model formatVersion {Version} is not supported; this library reads version {IsolationForestFile.FormatVersion}.", "formatVersion");
        }

        var kind = String(Root, "kind");
        if (kind != IsolationForest.KindName)
        {
            throw Fail($"Model kind '{kind}' is not known; expected '{IsolationForest.KindName}'.", "kind");
        }

        var shape = Object(Root, "model");
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

        var hasThreshold = Bool(Root, "hasThreshold");
        var payloadLength = Int(Root, "payloadLength");
        if (payloadLength < 0)
        {
            throw Fail("payloadLength is negative.", "payloadLength");
        }

        var payload = ModelFile.ReadBytes(reader, payloadLength, "payload", Version);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(payload)), String(Root, "payloadSha256"), StringComparison.OrdinalIgnoreCase))
        {
            throw Fail("The payload does not match its SHA-256; the file is corrupt.", "payloadSha256");
        }

        using var data = new BinaryReader(new MemoryStream(payload));
        var featurizer = ReadFeaturizer(Object(Root, "featurizer"), data);
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

}
