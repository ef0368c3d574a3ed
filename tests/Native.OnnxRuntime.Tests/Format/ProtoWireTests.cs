using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Format;

public class ProtoWireTests
{
    [Theory]
    [InlineData(0UL, 1)]
    [InlineData(127UL, 1)]
    [InlineData(128UL, 2)]
    [InlineData(300UL, 2)]
    [InlineData(ulong.MaxValue, 10)]
    public void Varint_round_trips_with_the_protobuf_length(ulong value, int expectedBytes)
    {
        var writer = new ProtoWriter();
        writer.WriteVarint(value);
        Assert.Equal(expectedBytes, writer.Length);

        var reader = new ProtoReader(writer.WrittenSpan);
        Assert.Equal(value, reader.ReadVarint());
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Known_bytes_decode_as_the_protobuf_spec_says()
    {
        // Field 1 varint 150 is the protobuf documentation's own example: 08 96 01.
        var reader = new ProtoReader([0x08, 0x96, 0x01]);
        Assert.True(reader.TryReadTag(out int field, out ProtoWireType wire));
        Assert.Equal(1, field);
        Assert.Equal(ProtoWireType.Varint, wire);
        Assert.Equal(150, reader.ReadInt64());
        Assert.False(reader.TryReadTag(out _, out _));
    }

    [Fact]
    public void Negative_int32_is_written_sign_extended_to_ten_bytes()
    {
        var writer = new ProtoWriter();
        writer.WriteInt32(2, -1);
        Assert.Equal(11, writer.Length);

        var reader = new ProtoReader(writer.WrittenSpan);
        reader.TryReadTag(out _, out _);
        Assert.Equal(-1, reader.ReadInt32());
    }

    [Fact]
    public void Scalars_and_strings_round_trip()
    {
        var writer = new ProtoWriter(0);
        writer.WriteFloat(1, 1.5f);
        writer.WriteDouble(2, -2.25);
        writer.WriteString(3, "héllo");
        writer.WriteBytes(4, [1, 2, 3]);
        writer.WriteUInt64(5, ulong.MaxValue);

        var reader = new ProtoReader(writer.WrittenSpan);
        reader.TryReadTag(out _, out _);
        Assert.Equal(1.5f, reader.ReadFloat());
        reader.TryReadTag(out _, out _);
        Assert.Equal(-2.25, reader.ReadDouble());
        reader.TryReadTag(out _, out _);
        Assert.Equal("héllo", reader.ReadString());
        reader.TryReadTag(out _, out _);
        Assert.Equal(new byte[] { 1, 2, 3 }, reader.ReadBytes().ToArray());
        reader.TryReadTag(out _, out _);
        Assert.Equal(ulong.MaxValue, reader.ReadUInt64());
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Repeated_scalars_are_read_packed_and_unpacked_alike()
    {
        var writer = new ProtoWriter();
        writer.WritePackedInt64(1, [1, -2, 300]);
        writer.WriteInt64(1, 4);
        writer.WritePackedFloat(2, [0.5f, 1.5f]);
        writer.WriteFloat(2, 2.5f);
        writer.WritePackedDouble(3, [3.0]);
        writer.WriteDouble(3, 4.0);
        writer.WritePackedInt32(4, [-7, 8]);
        writer.WriteInt32(4, 9);
        writer.WritePackedUInt64(5, [ulong.MaxValue]);
        writer.WriteUInt64(5, 1);

        List<long> longs = [];
        List<float> floats = [];
        List<double> doubles = [];
        List<int> ints = [];
        List<ulong> ulongs = [];
        var reader = new ProtoReader(writer.WrittenSpan);
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: reader.ReadRepeatedInt64(longs); break;
                case 2: reader.ReadRepeatedFloat(floats); break;
                case 3: reader.ReadRepeatedDouble(doubles); break;
                case 4: reader.ReadRepeatedInt32(ints); break;
                case 5: reader.ReadRepeatedUInt64(ulongs); break;
            }
        }

        Assert.Equal([1, -2, 300, 4], longs);
        Assert.Equal([0.5f, 1.5f, 2.5f], floats);
        Assert.Equal([3.0, 4.0], doubles);
        Assert.Equal([-7, 8, 9], ints);
        Assert.Equal([ulong.MaxValue, 1UL], ulongs);
    }

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped()
    {
        var writer = new ProtoWriter();
        writer.WriteInt64(90, 12345);
        writer.WriteDouble(91, 1.0);
        writer.WriteFloat(92, 1.0f);
        writer.WriteString(93, "ignored");
        writer.WriteString(8, "kept");
        writer.WriteInt32(2, (int)OnnxElementType.Int64);

        TensorProto tensor = TensorProto.Read(writer.WrittenSpan);
        Assert.Equal("kept", tensor.Name);
        Assert.Equal(OnnxElementType.Int64, tensor.DataType);
    }

    [Fact]
    public void Truncated_varint_names_the_field_and_offset()
    {
        // TensorProto: name "ab" (4 bytes), then data_type whose varint never ends.
        byte[] bytes = [0x42, 0x02, (byte)'a', (byte)'b', 0x10, 0x80, 0x80];
        var error = Assert.Throws<OnnxFormatException>(() => TensorProto.Read(bytes));
        Assert.Equal("TensorProto.data_type", error.FieldPath);
        Assert.Equal(5, error.Offset);
        Assert.Contains("offset 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_past_the_end_names_the_nested_path_and_absolute_offset()
    {
        // ModelProto.graph (field 7) → GraphProto.node[1] (field 1) → NodeProto.op_type (field 4) claims 50 bytes.
        var node = new ProtoWriter();
        node.WriteTag(4, ProtoWireType.LengthDelimited);
        node.WriteVarint(50);
        node.WriteBytes(99, [1]);
        var graph = new ProtoWriter();
        graph.WriteBytes(1, new NodeProto { OpType = "Abs" }.ToByteArray());
        graph.WriteBytes(1, node.WrittenSpan);
        var model = new ProtoWriter();
        model.WriteInt64(1, 8);
        model.WriteBytes(7, graph.WrittenSpan);
        byte[] bytes = model.ToArray();

        var error = Assert.Throws<OnnxFormatException>(() => ModelProto.Read(bytes));
        Assert.Equal("ModelProto.graph.node[1].op_type", error.FieldPath);

        // The op_type length varint sits after: ir_version (2) + graph tag/len (2) + node[0] (2 + 5) + node[1] tag/len (2) + op_type tag (1).
        Assert.Equal(14, error.Offset);
        Assert.Equal((byte)50, bytes[error.Offset]);
    }

    [Fact]
    public void Wrong_wire_type_and_bad_tags_are_rejected()
    {
        // data_type (field 2) sent as fixed32.
        byte[] wrongWire = [0x15, 1, 0, 0, 0];
        var wire = Assert.Throws<OnnxFormatException>(() => TensorProto.Read(wrongWire));
        Assert.Equal("TensorProto.data_type", wire.FieldPath);

        byte[] fieldZero = [0x00, 0x01];
        Assert.Equal(0, Assert.Throws<OnnxFormatException>(() => TensorProto.Read(fieldZero)).Offset);

        byte[] group = [0x0B];
        Assert.Throws<OnnxFormatException>(() => TensorProto.Read(group));

        byte[] truncatedFloat = [0x25, 0, 0];
        Assert.Equal("TensorProto.float_data", Assert.Throws<OnnxFormatException>(() => TensorProto.Read(truncatedFloat)).FieldPath);

        byte[] oddPackedFloats = [0x22, 0x03, 0, 0, 0];
        Assert.Contains("multiple of 4", Assert.Throws<OnnxFormatException>(() => TensorProto.Read(oddPackedFloats)).Message, StringComparison.Ordinal);

        byte[] badUtf8 = [0x42, 0x01, 0xFF];
        Assert.Equal("TensorProto.name", Assert.Throws<OnnxFormatException>(() => TensorProto.Read(badUtf8)).FieldPath);
    }
}
