using HybridAI.Classifiers.Anomaly;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <example>
/// An isolation forest, end to end from raw columns:
/// <code>
/// IsolationForest forest = new IsolationForestTrainer().Train(payments);
/// File.WriteAllBytes("payments-anomaly.onnx", OnnxExporter.ExportEndToEnd(forest));
/// // inputs: one [N, 1] tensor per column of forest.Featurizer.InputColumns; output "score", float [N]
/// </code>
/// </example>
public static partial class OnnxExporter
{
    /// <summary>The output of an exported <see cref="IsolationForest"/>: each row's anomaly score, float [N], as <see cref="IsolationForest.Score(HybridAI.Classifiers.Data.TabularRow)"/>.</summary>
    public const string ScoreOutput = "score";

    /// <summary>
    /// Serializes an <see cref="IsolationForest"/> reading the featurized vector: input <see cref="FeaturesInput"/>,
    /// float [N, D] in the order of <see cref="Tabular.TabularFeaturizer.FeatureNames"/>; output <see cref="ScoreOutput"/>.
    /// The forest's anomaly threshold is recorded in the metadata as <c>hybridai.threshold</c> (round-trip text) when set.
    /// </summary>
    public static byte[] Export(IsolationForest forest)
    {
        var builder = Start(forest);
        builder.Input(FeaturesInput, TypeProto.Tensor(OnnxElementType.Float, "N", forest.Dimension));
        return Finish(builder, forest, FeaturesInput);
    }

    /// <summary>
    /// Serializes an <see cref="IsolationForest"/> with its tabular featurizer inside the graph: one [N, 1] input per
    /// column of <see cref="Tabular.TabularFeaturizer.InputColumns"/>, typed as in <see cref="ExportEndToEnd(Tabular.TabularClassifier)"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">A column is named <see cref="ScoreOutput"/> or has an empty-string category.</exception>
    public static byte[] ExportEndToEnd(IsolationForest forest)
    {
        var builder = Start(forest);
        FeaturizerGraph.Add(builder, forest.Featurizer, Internal.Features, [ScoreOutput]);
        return Finish(builder, forest, Internal.Features);
    }

    private static OnnxModelBuilder Start(IsolationForest forest)
    {
        ArgumentNullException.ThrowIfNull(forest);
        var builder = new OnnxModelBuilder("hybridai_isolation_forest")
            .ImportOpset(string.Empty, Opset)
            .ImportOpset(OnnxModelBuilder.MLDomain, MLOpset)
            .Metadata("hybridai.kind", IsolationForest.KindName)
            .Metadata("hybridai.features", string.Join('\u001f', forest.Featurizer.FeatureNames));
        if (forest.Threshold is { } threshold)
        {
            builder.Metadata("hybridai.threshold", threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder;
    }

    private static byte[] Finish(OnnxModelBuilder builder, IsolationForest forest, string features)
    {
        IsolationForestGraph.Add(builder, forest, features, ScoreOutput);
        return builder
            .Output(ScoreOutput, TypeProto.Tensor(OnnxElementType.Float, "N"))
            .Build()
            .ToByteArray();
    }
}
