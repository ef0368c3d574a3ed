using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Tabular;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>
/// Writes a trained <see cref="TabularClassifier"/> (and, in the other overloads, a <see cref="TextClassifier"/> or an
/// <see cref="Anomaly.IsolationForest"/>) as an ONNX model that ONNX Runtime (or any ONNX host) can score.
/// The graph reads the already featurized vector — input <see cref="FeaturesInput"/>, float [N, D] with
/// D = <see cref="TabularFeaturizer.Dimension"/>, in the order of <see cref="TabularFeaturizer.FeatureNames"/> — and
/// writes <see cref="LabelOutput"/> (string [N]) and <see cref="ProbabilitiesOutput"/> (float [N, C], in the order of
/// <see cref="TabularClassifier.Labels"/>); callers run
/// <see cref="TabularFeaturizer.Transform(HybridAI.Classifiers.Data.TabularRow, Span{double})"/> first.
/// <see cref="ExportEndToEnd(TabularClassifier)"/> puts the featurizer (standardising, missing flags, one-hot) inside the graph instead.
/// </summary>
/// <remarks>
/// Logistic regression becomes MatMul + Add + Softmax; boosted trees an <c>ai.onnx.ml</c> TreeEnsembleRegressor
/// (BRANCH_LEQ on the same float32 thresholds the trees were grown with) giving one margin per label, then Softmax.
/// A Platt calibrator is included (Sigmoid(A·(m₁ − m₀) + B)); an isotonic one is refused.
/// </remarks>
/// <example>
/// <code>
/// TabularClassifier model = new GradientBoostingTrainer().Train(data);
/// File.WriteAllBytes("credit.onnx", OnnxExporter.Export(model));
/// using var session = OnnxSession.FromFile("credit.onnx");
/// var x = new double[model.Featurizer.Dimension];
/// model.Featurizer.Transform(data.Row(0), x);
/// using var input = OnnxTensor.Create(Array.ConvertAll(x, v => (float)v), 1, x.Length);
/// using var result = session.Run(new Dictionary&lt;string, OnnxTensor&gt; { [OnnxExporter.FeaturesInput] = input });
/// float[] p = result[OnnxExporter.ProbabilitiesOutput].ToArray&lt;float&gt;();
/// </code>
/// </example>
public static partial class OnnxExporter
{
    /// <summary>The graph input: featurized rows, float [N, D].</summary>
    public const string FeaturesInput = "features";

    /// <summary>The graph output holding the most probable label per row, string [N].</summary>
    public const string LabelOutput = "label";

    /// <summary>The graph output holding every label's probability per row, float [N, C].</summary>
    public const string ProbabilitiesOutput = "probabilities";

    /// <summary>The ai.onnx opset the exported graph imports.</summary>
    public const long Opset = 17;

    /// <summary>The ai.onnx.ml opset the exported graph imports (TreeEnsembleRegressor, LabelEncoder).</summary>
    public const long MLOpset = 3;

    /// <summary>Serializes <paramref name="model"/> to ONNX bytes (a .onnx file's content) reading the feature vector.</summary>
    /// <exception cref="NotSupportedException">The model has an isotonic calibrator, or an unknown model kind.</exception>
    public static byte[] Export(TabularClassifier model)
    {
        var builder = Start(model);
        builder.Input(FeaturesInput, TypeProto.Tensor(OnnxElementType.Float, "N", model.Featurizer.Dimension));
        return Finish(builder, model, FeaturesInput);
    }

    /// <summary>
    /// Serializes <paramref name="model"/> with its featurizer inside the graph: one input per column of
    /// <see cref="TabularFeaturizer.InputColumns"/>, named after it, shape [N, 1] — numeric columns as double
    /// (NaN = missing), categorical ones as string (empty string = missing; unseen categories encode as all zeros,
    /// as in <see cref="TabularFeaturizer"/>). Outputs as in <see cref="Export(TabularClassifier)"/>.
    /// </summary>
    /// <remarks>Numbers are standardised in double precision, so tree splits see exactly the values the model saw.</remarks>
    /// <exception cref="NotSupportedException">
    /// As <see cref="Export(TabularClassifier)"/>; also when a column's name clashes with an output or a category is the empty string.
    /// </exception>
    public static byte[] ExportEndToEnd(TabularClassifier model)
    {
        var builder = Start(model);
        FeaturizerGraph.Add(builder, model.Featurizer, Internal.Features, [LabelOutput, ProbabilitiesOutput]);
        return Finish(builder, model, Internal.Features);
    }

    private static OnnxModelBuilder Start(TabularClassifier model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Calibrator is not null and not PlattCalibrator)
        {
            throw new NotSupportedException($"ONNX export supports Platt calibration only; this model has a '{model.Calibrator.Kind}' calibrator.");
        }

        return new OnnxModelBuilder("hybridai_tabular")
            .ImportOpset(string.Empty, Opset)
            .ImportOpset(OnnxModelBuilder.MLDomain, MLOpset)
            .Metadata("hybridai.kind", model.Kind)
            .Metadata("hybridai.features", string.Join('\u001f', model.Featurizer.FeatureNames));
    }

    private static byte[] Finish(OnnxModelBuilder builder, TabularClassifier model, string features)
    {
        switch (model.Model)
        {
            case LinearModel linear:
                AddLinear(builder, linear, features);
                break;
            case TreeEnsemble trees:
                TreeEnsembleGraph.Add(builder, trees, features, Internal.Margins);
                break;
            default:
                throw new NotSupportedException($"ONNX export does not know the model kind '{model.Kind}'.");
        }

        if (model.Calibrator is PlattCalibrator platt)
        {
            AddPlatt(builder, platt);
        }
        else
        {
            builder.Node("Softmax", [Internal.Margins], [ProbabilitiesOutput], attributes: AttributeProto.FromInt("axis", 1));
        }

        return FinishLabels(builder, [.. model.Labels]);
    }

    /// <summary>Adds the label output (ArgMax of <see cref="ProbabilitiesOutput"/>, mapped to text) and serializes the model.</summary>
    private static byte[] FinishLabels(OnnxModelBuilder builder, string[] labels)
    {
        var indices = new long[labels.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = i;
        }

        // ArgMax keeps the first of equal maxima, as the in-process classifiers do.
        return builder
            .Node("ArgMax", [ProbabilitiesOutput], [Internal.LabelIndex], attributes: [AttributeProto.FromInt("axis", 1), AttributeProto.FromInt("keepdims", 0)])
            .Node(
                "LabelEncoder",
                [Internal.LabelIndex],
                [LabelOutput],
                OnnxModelBuilder.MLDomain,
                attributes: [AttributeProto.FromInts("keys_int64s", indices), AttributeProto.FromStrings("values_strings", labels), AttributeProto.FromString("default_string", string.Empty)])
            .Output(LabelOutput, TypeProto.Tensor(OnnxElementType.String, "N"))
            .Output(ProbabilitiesOutput, TypeProto.Tensor(OnnxElementType.Float, "N", labels.Length))
            .Build()
            .ToByteArray();
    }

    private static void AddLinear(OnnxModelBuilder builder, LinearModel linear, string features)
    {
        var k = linear.ClassCount;
        var d = linear.Dimension;

        // LinearModel stores weights feature-major, which is exactly MatMul's [D, C] row-major layout.
        var weights = new float[linear.Weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)linear.Weights[i];
        }

        var biases = new float[k];
        for (var i = 0; i < k; i++)
        {
            biases[i] = (float)linear.Biases[i];
        }

        builder
            .Initializer(OnnxTensorData.FromValues<float>(Internal.Weights, [d, k], weights))
            .Initializer(OnnxTensorData.FromValues<float>(Internal.Biases, [k], biases))
            .Node("MatMul", [features, Internal.Weights], [Internal.Linear])
            .Node("Add", [Internal.Linear, Internal.Biases], [Internal.Margins]);
    }

    /// <summary>p₁ = Sigmoid(A·(m₁ − m₀) + B) as a MatMul with [−A, A]ᵀ, then p₀ = 1 − p₁.</summary>
    private static void AddPlatt(OnnxModelBuilder builder, PlattCalibrator platt)
    {
        var a = (float)platt.A;
        builder
            .Initializer(OnnxTensorData.FromValues<float>(Internal.PlattA, [2, 1], [-a, a]))
            .Initializer(OnnxTensorData.FromValues<float>(Internal.PlattB, [1], [(float)platt.B]))
            .Initializer(OnnxTensorData.FromValues<float>(Internal.One, [1], [1f]))
            .Node("MatMul", [Internal.Margins, Internal.PlattA], [Internal.PlattScaled])
            .Node("Add", [Internal.PlattScaled, Internal.PlattB], [Internal.PlattLogit])
            .Node("Sigmoid", [Internal.PlattLogit], [Internal.Positive])
            .Node("Sub", [Internal.One, Internal.Positive], [Internal.Negative])
            .Node("Concat", [Internal.Negative, Internal.Positive], [ProbabilitiesOutput], attributes: AttributeProto.FromInt("axis", 1));
    }

    /// <summary>Names of the graph's inner values; the prefix keeps them apart from column-named inputs.</summary>
    internal static class Internal
    {
        public const string Prefix = "hybridai.";
        public const string Features = Prefix + "features";
        public const string Weights = Prefix + "weights";
        public const string Biases = Prefix + "biases";
        public const string Linear = Prefix + "linear";
        public const string Margins = Prefix + "margins";
        public const string LabelIndex = Prefix + "label_index";
        public const string PlattA = Prefix + "platt_a";
        public const string PlattB = Prefix + "platt_b";
        public const string PlattScaled = Prefix + "platt_scaled";
        public const string PlattLogit = Prefix + "platt_logit";
        public const string One = Prefix + "one";
        public const string Positive = Prefix + "p_positive";
        public const string Negative = Prefix + "p_negative";
        public const string UsedFeatures = Prefix + "used_features";
        public const string Used = Prefix + "used";
        public const string PathLength = Prefix + "path_length";
        public const string ScoreExponent = Prefix + "score_exponent";
        public const string ScoreColumn = Prefix + "score_column";
        public const string ScoreLogit = Prefix + "score_logit";
        public const string ScoreShape = Prefix + "score_shape";
    }
}
