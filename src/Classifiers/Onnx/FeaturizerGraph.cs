using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>
/// <see cref="TabularFeaturizer"/> as ONNX nodes: per numeric column Where(IsNaN) → mean, (x − center) / scale in
/// double, Cast to float, plus the missing flag; per categorical column an ai.onnx.ml OneHotEncoder over the training
/// categories (and "" for missing); all concatenated in feature order.
/// </summary>
internal static class FeaturizerGraph
{
    /// <summary>Adds one input per column and nodes writing the features to <paramref name="output"/>; no column may take a name in <paramref name="outputs"/>.</summary>
    public static void Add(OnnxModelBuilder builder, TabularFeaturizer featurizer, string output, IReadOnlyCollection<string> outputs)
    {
        var parts = new List<string>();
        var columns = featurizer.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (outputs.Contains(column.Name) || column.Name.StartsWith(OnnxExporter.Internal.Prefix, StringComparison.Ordinal))
            {
                throw new NotSupportedException($"Column '{column.Name}' clashes with a name the exported graph uses; rename it before training.");
            }

            var name = $"{OnnxExporter.Internal.Prefix}col{i}.";
            if (column.Kind == TabularColumnKind.Numeric)
            {
                AddNumeric(builder, column, name, parts);
            }
            else
            {
                AddCategorical(builder, column, name, parts);
            }
        }

        builder.Node("Concat", parts, [output], attributes: AttributeProto.FromInt("axis", 1));
    }

    private static void AddNumeric(OnnxModelBuilder builder, FeaturizedColumn column, string name, List<string> parts)
    {
        builder
            .Input(column.Name, TypeProto.Tensor(OnnxElementType.Double, "N", 1))
            .Initializer(OnnxTensorData.FromValues<double>(name + "mean", [1], [column.Mean]))
            .Initializer(OnnxTensorData.FromValues<double>(name + "center", [1], [column.Center]))
            .Initializer(OnnxTensorData.FromValues<double>(name + "scale", [1], [column.Scale]))
            .Node("IsNaN", [column.Name], [name + "missing"])
            .Node("Where", [name + "missing", name + "mean", column.Name], [name + "filled"])
            .Node("Sub", [name + "filled", name + "center"], [name + "centered"])
            .Node("Div", [name + "centered", name + "scale"], [name + "scaled"])
            .Node("Cast", [name + "scaled"], [name + "value"], attributes: AttributeProto.FromInt("to", (long)OnnxElementType.Float));
        parts.Add(name + "value");
        if (column.MissingFeature)
        {
            builder.Node("Cast", [name + "missing"], [name + "flag"], attributes: AttributeProto.FromInt("to", (long)OnnxElementType.Float));
            parts.Add(name + "flag");
        }
    }

    private static void AddCategorical(OnnxModelBuilder builder, FeaturizedColumn column, string name, List<string> parts)
    {
        if (column.Categories.Contains(string.Empty))
        {
            throw new NotSupportedException($"Column '{column.Name}' has an empty-string category, which the exported graph reserves for missing values.");
        }

        // "" stands for missing: last in the one-hot block when training saw missing values, else unknown → all zeros.
        string[] categories = column.MissingFeature ? [.. column.Categories, string.Empty] : column.Categories;
        builder.Input(column.Name, TypeProto.Tensor(OnnxElementType.String, "N", 1));
        if (categories.Length == 0)
        {
            return;
        }

        builder
            .Node(
                "OneHotEncoder",
                [column.Name],
                [name + "onehot"],
                OnnxModelBuilder.MLDomain,
                attributes: [AttributeProto.FromStrings("cats_strings", categories), AttributeProto.FromInt("zeros", 1)])
            .Node("Flatten", [name + "onehot"], [name + "value"], attributes: AttributeProto.FromInt("axis", 1));
        parts.Add(name + "value");
    }
}
