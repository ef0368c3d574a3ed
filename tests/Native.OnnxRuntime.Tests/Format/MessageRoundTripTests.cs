using System.Text;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Format;

public class MessageRoundTripTests
{
    [Fact]
    public void Tensor_with_every_data_field_round_trips()
    {
        var tensor = new TensorProto { Name = "t", DataType = OnnxElementType.Float, DocString = "doc", RawData = [1, 2, 3, 4], DataLocation = 0 };
        tensor.Dims.AddRange([2, 0, 3]);
        tensor.FloatData.AddRange([1.5f, -2f]);
        tensor.Int32Data.AddRange([-1, 7]);
        tensor.StringData.Add(Encoding.UTF8.GetBytes("x"));
        tensor.Int64Data.AddRange([long.MinValue, long.MaxValue]);
        tensor.DoubleData.Add(Math.PI);
        tensor.UInt64Data.Add(ulong.MaxValue);
        tensor.ExternalData.Add(new StringStringEntryProto("location", "w.bin"));

        TensorProto back = TensorProto.Read(tensor.ToByteArray());

        Assert.Equal("t", back.Name);
        Assert.Equal("doc", back.DocString);
        Assert.Equal(OnnxElementType.Float, back.DataType);
        Assert.Equal([2, 0, 3], back.Dims);
        Assert.Equal([1.5f, -2f], back.FloatData);
        Assert.Equal([-1, 7], back.Int32Data);
        Assert.Equal("x", Encoding.UTF8.GetString(back.StringData[0]));
        Assert.Equal([long.MinValue, long.MaxValue], back.Int64Data);
        Assert.Equal([Math.PI], back.DoubleData);
        Assert.Equal([ulong.MaxValue], back.UInt64Data);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, back.RawData);
        Assert.Equal("w.bin", back.ExternalData[0].Value);
        Assert.True(back.HasExternalData);
    }

    [Fact]
    public void Sequence_map_and_optional_nest_and_round_trip()
    {
        var inner = new SequenceProto { Name = "inner", ElemType = ProtoValueKind.Tensor };
        inner.TensorValues.Add(OnnxTensorData.FromValues("a", [2], new long[] { 1, 2 }));
        inner.TensorValues.Add(OnnxTensorData.FromValues("b", [], new long[] { 3 }));

        var map = new MapProto { Name = "m", KeyType = OnnxElementType.String, Values = new SequenceProto { ElemType = ProtoValueKind.Tensor } };
        map.StringKeys.Add(Encoding.UTF8.GetBytes("k"));
        map.Values.TensorValues.Add(OnnxTensorData.FromValues<float>(null, [], [0.25f]));
        var intMap = new MapProto { KeyType = OnnxElementType.Int64, Values = new SequenceProto { ElemType = ProtoValueKind.Tensor } };
        intMap.Keys.AddRange([-5, 10]);

        var outer = new SequenceProto { Name = "outer", ElemType = ProtoValueKind.Sequence };
        outer.SequenceValues.Add(inner);
        var maps = new SequenceProto { ElemType = ProtoValueKind.Map };
        maps.MapValues.Add(map);
        maps.MapValues.Add(intMap);
        var optionals = new SequenceProto { ElemType = ProtoValueKind.Optional };
        optionals.OptionalValues.Add(new OptionalProto { ElemType = ProtoValueKind.Tensor });
        var optional = new OptionalProto
        {
            Name = "o",
            ElemType = ProtoValueKind.Optional,
            OptionalValue = new OptionalProto { ElemType = ProtoValueKind.Sequence, SequenceValue = outer },
        };

        SequenceProto backOuter = SequenceProto.Read(outer.ToByteArray());
        Assert.Equal(ProtoValueKind.Sequence, backOuter.ElemType);
        Assert.Equal(1, backOuter.Count);
        Assert.Equal("inner", backOuter.SequenceValues[0].Name);
        Assert.Equal([1L, 2L], OnnxTensorData.Decode(backOuter.SequenceValues[0].TensorValues[0]).As<long>());
        Assert.Empty(OnnxTensorData.Decode(backOuter.SequenceValues[0].TensorValues[1]).Shape);

        SequenceProto backMaps = SequenceProto.Read(maps.ToByteArray());
        Assert.Equal("k", Encoding.UTF8.GetString(backMaps.MapValues[0].StringKeys[0]));
        Assert.Equal(OnnxElementType.String, backMaps.MapValues[0].KeyType);
        Assert.Equal([0.25f], OnnxTensorData.Decode(backMaps.MapValues[0].Values!.TensorValues[0]).As<float>());
        Assert.Equal([-5L, 10L], backMaps.MapValues[1].Keys);

        SequenceProto backOptionals = SequenceProto.Read(optionals.ToByteArray());
        Assert.False(backOptionals.OptionalValues[0].HasValue);

        OptionalProto backOptional = OptionalProto.Read(optional.ToByteArray());
        Assert.Equal("o", backOptional.Name);
        Assert.Equal(ProtoValueKind.Sequence, backOptional.OptionalValue!.ElemType);
        Assert.Equal("inner", backOptional.OptionalValue.SequenceValue!.SequenceValues[0].Name);

        MapProto backMap = MapProto.Read(map.ToByteArray());
        Assert.Equal("m", backMap.Name);
    }

    [Fact]
    public void Types_of_every_kind_round_trip()
    {
        var type = TypeProto.Map(
            OnnxElementType.Int64,
            TypeProto.Sequence(TypeProto.Optional(TypeProto.Tensor(OnnxElementType.Float, "batch", 3L, null))));
        type.Denotation = "features";
        var sparse = new TypeProto { SparseTensorType = new TensorTypeProto { ElemType = OnnxElementType.Double } };

        TypeProto back = TypeProto.Read(type.ToByteArray());
        ValueInfoProto info = ValueInfoProto.Read(new ValueInfoProto("v", type) { DocString = "d" }.ToByteArray());

        Assert.Equal("v", info.Name);
        Assert.Equal("d", info.DocString);
        foreach (TypeProto t in new[] { back, info.Type! })
        {
            Assert.Equal(ProtoValueKind.Map, t.Kind);
            Assert.Equal("features", t.Denotation);
            Assert.Equal(OnnxElementType.Int64, t.MapType!.KeyType);
            TypeProto tensor = t.MapType.ValueType!.SequenceType!.ElemType!.OptionalType!.ElemType!;
            Assert.Equal(OnnxElementType.Float, tensor.TensorType!.ElemType);
            List<TensorShapeDimension> dims = tensor.TensorType.Shape!.Dims;
            Assert.Equal("batch", dims[0].Param);
            Assert.Equal(3, dims[1].Value);
            Assert.Null(dims[2].Value);
            Assert.Null(dims[2].Param);
            Assert.Equal("map(Int64,seq(optional(tensor(Float))))", t.ToString());
        }

        Assert.Equal(ProtoValueKind.SparseTensor, TypeProto.Read(sparse.ToByteArray()).Kind);

        // A zero-sized fixed dimension is not the same as an unknown one.
        TypeProto zero = TypeProto.Read(TypeProto.Tensor(OnnxElementType.Int32, 0L).ToByteArray());
        Assert.Equal(0, zero.TensorType!.Shape!.Dims[0].Value);
        Assert.Null(TypeProto.Read(TypeProto.Tensor(OnnxElementType.Int32, null).ToByteArray()).TensorType!.Shape);
    }

    [Fact]
    public void Model_graph_nodes_and_attributes_round_trip()
    {
        var subgraph = new GraphProto { Name = "body" };
        subgraph.Output.Add(new ValueInfoProto("y", TypeProto.Tensor(OnnxElementType.Bool)));
        var node = new NodeProto { Name = "n0", OpType = "Custom", Domain = "ai.onnx.ml", DocString = "nd" };
        node.Input.AddRange(["x", string.Empty, "w"]);
        node.Output.Add("y");
        node.Attribute.AddRange([
            AttributeProto.FromFloat("f", 0f),
            AttributeProto.FromInt("i", -3),
            AttributeProto.FromString("s", "tanh"),
            AttributeProto.FromTensor("t", OnnxTensorData.FromValues<int>("c", [1], [42])),
            AttributeProto.FromGraph("g", subgraph),
            AttributeProto.FromFloats("fs", 0.5f, -0.5f),
            AttributeProto.FromInts("is", 1, 2, 3),
            AttributeProto.FromStrings("ss", "a", "b"),
            AttributeProto.FromTensors("ts", OnnxTensorData.FromStrings("l", [1], ["z"])),
            new AttributeProto { Name = "ref", RefAttrName = "alpha", Type = OnnxAttributeType.Float, DocString = "ad" },
        ]);
        var graph = new GraphProto { Name = "main", DocString = "gd" };
        graph.Node.Add(node);
        graph.Initializer.Add(OnnxTensorData.FromValues<float>("w", [2], [1f, 2f]));
        graph.Input.Add(new ValueInfoProto("x", TypeProto.Tensor(OnnxElementType.Float, 2L)));
        graph.Output.Add(new ValueInfoProto("y", TypeProto.Tensor(OnnxElementType.Float, 2L)));
        graph.ValueInfo.Add(new ValueInfoProto("mid", TypeProto.Tensor(OnnxElementType.Float)));
        var model = new ModelProto
        {
            IrVersion = 8,
            ProducerName = "p",
            ProducerVersion = "1.0",
            Domain = "org.example",
            ModelVersion = 3,
            DocString = "md",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto(string.Empty, 17));
        model.OpsetImport.Add(new OperatorSetIdProto("ai.onnx.ml", 3));
        model.MetadataProps.Add(new StringStringEntryProto("author", "team"));

        byte[] bytes = model.ToByteArray();
        ModelProto back = ModelProto.Read(bytes);

        Assert.Equal(bytes, back.ToByteArray());
        Assert.Equal(8, back.IrVersion);
        Assert.Equal(("p", "1.0", "org.example", 3L, "md"), (back.ProducerName, back.ProducerVersion, back.Domain, back.ModelVersion, back.DocString));
        Assert.Equal([(string.Empty, 17L), ("ai.onnx.ml", 3L)], back.OpsetImport.Select(o => (o.Domain!, o.Version)));
        Assert.Equal("team", back.MetadataProps[0].Value);
        GraphProto g = back.Graph!;
        Assert.Equal(("main", "gd"), (g.Name, g.DocString));
        Assert.Equal(["x"], g.Input.Select(i => i.Name));
        Assert.Equal(["y"], g.Output.Select(i => i.Name));
        Assert.Equal(["mid"], g.ValueInfo.Select(i => i.Name));
        Assert.Equal([1f, 2f], OnnxTensorData.Decode(g.Initializer[0]).As<float>());
        NodeProto n = g.Node[0];
        Assert.Equal(("n0", "Custom", "ai.onnx.ml", "nd"), (n.Name, n.OpType, n.Domain, n.DocString));
        Assert.Equal(["x", string.Empty, "w"], n.Input);
        Dictionary<string, AttributeProto> a = n.Attribute.ToDictionary(x => x.Name!);
        Assert.Equal((OnnxAttributeType.Float, 0f), (a["f"].Type, a["f"].F));
        Assert.Equal((OnnxAttributeType.Int, -3L), (a["i"].Type, a["i"].I));
        Assert.Equal("tanh", a["s"].StringValue);
        Assert.Equal([42], OnnxTensorData.Decode(a["t"].T!).As<int>());
        Assert.Equal("body", a["g"].G!.Name);
        Assert.Equal([0.5f, -0.5f], a["fs"].Floats);
        Assert.Equal([1L, 2L, 3L], a["is"].Ints);
        Assert.Equal(["a", "b"], a["ss"].StringValues.Select(s => Encoding.UTF8.GetString(s)));
        Assert.Equal(["z"], OnnxTensorData.Decode(a["ts"].Tensors[0]).As<string>());
        Assert.Equal(("alpha", "ad"), (a["ref"].RefAttrName, a["ref"].DocString));

        // The standalone readers parse what the writers produce.
        Assert.Equal("Custom", NodeProto.Read(n.ToByteArray()).OpType);
        Assert.Equal("main", GraphProto.Read(g.ToByteArray()).Name);
        Assert.Equal(-3, AttributeProto.Read(a["i"].ToByteArray()).I);
        Assert.Equal(17, OperatorSetIdProto.Read(back.OpsetImport[0].ToByteArray()).Version);
        Assert.Equal("author", StringStringEntryProto.Read(back.MetadataProps[0].ToByteArray()).Key);
        Assert.Equal("batch", TensorShapeProto.Read(TypeProto.Tensor(OnnxElementType.Float, "batch").TensorType!.Shape!.ToByteArray()).Dims[0].Param);
    }
}
