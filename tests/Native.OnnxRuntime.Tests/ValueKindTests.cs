namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>Sequences, maps (scikit-learn's ZipMap) and optionals come back as <see cref="OnnxValue"/>s.</summary>
public sealed class ValueKindTests
{
    [NativeFact]
    public void ZipMap_with_int64_labels_returns_a_sequence_of_maps_one_per_row()
    {
        using var session = OnnxSession.FromBytes(TestModels.ZipMap(stringLabels: false));
        Assert.Equal(OnnxValueKind.Sequence, session.Outputs[0].Kind);
        using var probabilities = OnnxTensor.Create([0.2f, 0.8f, 0.9f, 0.1f, 0.5f, 0.5f], 3, 2);

        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["X"] = probabilities });

        var rows = outputs["Z"].Elements;
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(OnnxValueKind.Map, r.Kind));
        Assert.Equal(new Dictionary<long, float> { [0] = 0.2f, [1] = 0.8f }, rows[0].ToDictionary<long, float>());
        Assert.Equal(new Dictionary<long, float> { [0] = 0.9f, [1] = 0.1f }, rows[1].ToDictionary<long, float>());
        Assert.Equal([0L, 1L], rows[2].MapKeys.ToArray<long>());
    }

    [NativeFact]
    public void ZipMap_with_string_labels_returns_maps_keyed_by_label()
    {
        using var session = OnnxSession.FromBytes(TestModels.ZipMap(stringLabels: true));
        using var probabilities = OnnxTensor.Create([0.3f, 0.7f], 1, 2);

        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["X"] = probabilities });

        var row = Assert.Single(outputs[0].Elements);
        Assert.Equal(new Dictionary<string, float> { ["no"] = 0.3f, ["yes"] = 0.7f }, row.ToDictionary<string, float>());
    }

    [NativeFact]
    public void A_sequence_of_tensors_keeps_each_tensor_and_its_shape()
    {
        using var session = OnnxSession.FromBytes(TestModels.Sequence());
        using var x = OnnxTensor.Create([1f, 2f], 2);
        using var y = OnnxTensor.Create([3f, 4f, 5f], 3);

        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["X"] = x, ["Y"] = y });

        var sequence = outputs["S"];
        Assert.Equal(OnnxValueKind.Sequence, sequence.Kind);
        Assert.Equal([1f, 2f], sequence.Elements[0].ToArray<float>());
        Assert.Equal([3L], sequence.Elements[1].AsTensor().Shape);
        Assert.Throws<InvalidOperationException>(() => sequence.AsTensor());
    }

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_if_seq/model.onnx")]
    public void A_real_if_model_returns_a_sequence()
    {
        using var session = OnnxSession.FromFile(Models.Node("test_if_seq"));
        using var condition = OnnxTensor.Scalar(true);

        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { [session.Inputs[0].Name] = condition });

        Assert.Equal(OnnxValueKind.Sequence, session.Outputs[0].Kind);
        Assert.Equal(OnnxValueKind.Sequence, outputs[0].Kind);
        Assert.NotEmpty(outputs[0].Elements);
        Assert.All(outputs[0].Elements, e => Assert.Equal(OnnxElementType.Float, e.AsTensor().ElementType));
    }

    [NativeFact]
    public void An_optional_output_is_None_or_holds_its_value()
    {
        using var session = OnnxSession.FromBytes(TestModels.Optionals());
        Assert.Equal(OnnxValueKind.Optional, session.Outputs[0].Kind);
        using var x = OnnxTensor.Create([1f, 2f], 2);

        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["X"] = x });

        Assert.False(outputs["Y"].HasValue);
        Assert.Throws<InvalidOperationException>(() => outputs["Y"].AsTensor());
        Assert.True(outputs["W"].HasValue);
        Assert.Equal([1f, 2f], outputs["W"].ToArray<float>());
    }

    [NativeFact]
    public void Metadata_reports_every_field_and_the_custom_map()
    {
        using var session = OnnxSession.FromBytes(TestModels.WithMetadata());

        var metadata = session.Metadata;
        Assert.Equal("hybridai-tests", metadata.ProducerName);
        Assert.Equal("described_graph", metadata.GraphName);
        Assert.Equal("ai.hybrid.tests", metadata.Domain);
        Assert.Equal("A model that copies its input.", metadata.Description);
        Assert.Equal(7, metadata.Version);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "platform-team", ["labels"] = "spam,ham" }, metadata.Custom);
        var input = Assert.Single(session.Inputs);
        Assert.Equal([-1L, 3L], input.Shape);
        Assert.Equal(["batch", ""], input.SymbolicDims);
    }
}
