using System.Globalization;
using System.Text;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>Finds a classifier's labels in its ONNX graph, the way skl2onnx and <see cref="OnnxExporter"/> record them.</summary>
internal static class OnnxLabels
{
    public static string[]? Find(ModelProto model, string probabilitiesOutput, string? labelOutput)
    {
        var nodes = model.Graph?.Node ?? [];

        // The ZipMap that writes the probabilities names its keys, in column order.
        foreach (var node in nodes)
        {
            if (node.OpType == "ZipMap" && node.Output.Contains(probabilitiesOutput))
            {
                return ClassLabels(node);
            }
        }

        // LinearClassifier, TreeEnsembleClassifier, SVMClassifier… list their labels in column order too.
        foreach (var node in nodes)
        {
            if (node.OpType != "ZipMap" && ClassLabels(node) is { } labels)
            {
                return labels;
            }
        }

        // OnnxExporter's graphs map the column index to the label with a LabelEncoder.
        foreach (var node in nodes)
        {
            if (node.OpType == "LabelEncoder" && labelOutput is not null && node.Output.Contains(labelOutput))
            {
                return EncodedLabels(node);
            }
        }

        return null;
    }

    private static string[]? ClassLabels(NodeProto node)
    {
        foreach (var attribute in node.Attribute)
        {
            switch (attribute.Name)
            {
                case "classlabels_strings" when attribute.StringValues.Count > 0:
                    return attribute.StringValues.Select(b => Encoding.UTF8.GetString(b)).ToArray();
                case "classlabels_int64s" when attribute.Ints.Count > 0:
                    return attribute.Ints.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            }
        }

        return null;
    }

    private static string[]? EncodedLabels(NodeProto node)
    {
        var keys = node.Attribute.FirstOrDefault(a => a.Name == "keys_int64s")?.Ints;
        var values = node.Attribute.FirstOrDefault(a => a.Name == "values_strings")?.StringValues;
        if (keys is null || values is null || keys.Count != values.Count)
        {
            return null;
        }

        var labels = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] < 0 || keys[i] >= labels.Length || labels[keys[i]] is not null)
            {
                return null;
            }

            labels[keys[i]] = Encoding.UTF8.GetString(values[i]);
        }

        return labels;
    }
}
