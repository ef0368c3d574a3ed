using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Format;

public class OnnxModelBuilderTests
{
    [Fact]
    public void Built_model_reads_back_with_graph_weights_and_opsets()
    {
        byte[] bytes = new OnnxModelBuilder("scorer")
            .ImportOpset(string.Empty, 13)
            .ImportOpset(OnnxModelBuilder.MLDomain, 3)
            .ImportOpset(string.Empty, 17)
            .Producer("HybridAI.Tests", "0.1")
            .Metadata("labels", "spam,ham")
            .Input("X", TypeProto.Tensor(OnnxElementType.Float, "batch", 3L))
            .Initializer(OnnxTensorData.FromValues("W", [3, 2], new float[] { 1, 2, 3, 4, 5, 6 }))
            .Node("MatMul", ["X", "W"], ["logits"], name: "score")
            .Node("LinearClassifier", ["logits"], ["label", "probabilities"], OnnxModelBuilder.MLDomain, attributes:
            [
                AttributeProto.FromStrings("classlabels_strings", "spam", "ham"),
                AttributeProto.FromFloats("coefficients", 1, 0, 0, 1),
                AttributeProto.FromString("post_transform", "SOFTMAX"),
            ])
            .Output("label", TypeProto.Tensor(OnnxElementType.String, "batch"))
            .Output("probabilities", TypeProto.Tensor(OnnxElementType.Float, "batch", 2L))
            .Build()
            .ToByteArray();

        ModelProto model = ModelProto.Read(bytes);

        Assert.Equal(OnnxModelBuilder.DefaultIrVersion, model.IrVersion);
        Assert.Equal([(string.Empty, 17L), ("ai.onnx.ml", 3L)], model.OpsetImport.Select(o => (o.Domain!, o.Version)));
        Assert.Equal(("HybridAI.Tests", "0.1"), (model.ProducerName, model.ProducerVersion));
        Assert.Equal("spam,ham", model.MetadataProps.Single(p => p.Key == "labels").Value);
        GraphProto graph = model.Graph!;
        Assert.Equal("scorer", graph.Name);
        Assert.Equal(["MatMul", "LinearClassifier"], graph.Node.Select(n => n.OpType));
        Assert.Equal("score", graph.Node[0].Name);
        Assert.Equal("ai.onnx.ml", graph.Node[1].Domain);
        Assert.Equal("SOFTMAX", graph.Node[1].Attribute.Single(a => a.Name == "post_transform").StringValue);
        ProtoTensor weights = OnnxTensorData.Decode(graph.Initializer.Single());
        Assert.Equal([3L, 2L], weights.Shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], weights.As<float>());
        Assert.Equal("batch", graph.Input[0].Type!.TensorType!.Shape!.Dims[0].Param);
        Assert.Equal(OnnxElementType.String, graph.Output[0].Type!.TensorType!.ElemType);
    }

    [Fact]
    public void Incomplete_models_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new OnnxModelBuilder("g").Output("y", TypeProto.Tensor(OnnxElementType.Float)).Build());
        Assert.Throws<InvalidOperationException>(() => new OnnxModelBuilder("g").ImportOpset(string.Empty, 17).Build());
        Assert.ThrowsAny<ArgumentException>(() => new OnnxModelBuilder("g").Initializer(new TensorProto()));
    }
}
