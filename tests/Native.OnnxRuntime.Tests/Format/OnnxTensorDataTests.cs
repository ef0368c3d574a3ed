using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Format;

public class OnnxTensorDataTests
{
    [Fact]
    public void Every_fixed_width_type_round_trips_through_raw_data()
    {
        AssertRoundTrip(OnnxElementType.Float, new[] { 1.5f, -0f, float.MaxValue, float.NaN });
        AssertRoundTrip(OnnxElementType.Double, new[] { Math.E, double.MinValue });
        AssertRoundTrip(OnnxElementType.UInt8, new byte[] { 0, 255 });
        AssertRoundTrip(OnnxElementType.Int8, new sbyte[] { -128, 127 });
        AssertRoundTrip(OnnxElementType.UInt16, new ushort[] { 0, 65535 });
        AssertRoundTrip(OnnxElementType.Int16, new short[] { -32768, 32767 });
        AssertRoundTrip(OnnxElementType.Int32, new[] { int.MinValue, int.MaxValue });
        AssertRoundTrip(OnnxElementType.Int64, new[] { long.MinValue, long.MaxValue });
        AssertRoundTrip(OnnxElementType.UInt32, new[] { uint.MaxValue, 1u });
        AssertRoundTrip(OnnxElementType.UInt64, new[] { ulong.MaxValue, 1ul });
        AssertRoundTrip(OnnxElementType.Bool, new[] { true, false });
        AssertRoundTrip(OnnxElementType.Float16, new[] { (Half)0.5f, Half.MaxValue });
        AssertRoundTrip(OnnxElementType.BFloat16, new[] { BFloat16.FromSingle(1f), BFloat16.FromSingle(-3.5f) });
    }

    [Fact]
    public void Raw_data_is_little_endian()
    {
        TensorProto tensor = OnnxTensorData.FromValues<int>("x", [1], [0x01020304]);
        Assert.Equal(new byte[] { 4, 3, 2, 1 }, tensor.RawData);
        Assert.Equal(OnnxElementType.Int32, tensor.DataType);
    }

    [Fact]
    public void Narrow_types_decode_from_int32_data_and_unsigned_from_uint64_data()
    {
        Assert.Equal(new sbyte[] { -1, 5 }, Decode(OnnxElementType.Int8, t => t.Int32Data.AddRange([-1, 5])).As<sbyte>());
        Assert.Equal(new byte[] { 200 }, Decode(OnnxElementType.UInt8, t => t.Int32Data.Add(200)).As<byte>());
        Assert.Equal(new short[] { -300 }, Decode(OnnxElementType.Int16, t => t.Int32Data.Add(-300)).As<short>());
        Assert.Equal(new ushort[] { 60000 }, Decode(OnnxElementType.UInt16, t => t.Int32Data.Add(60000)).As<ushort>());
        Assert.Equal(new[] { true, false }, Decode(OnnxElementType.Bool, t => t.Int32Data.AddRange([1, 0])).As<bool>());

        // 0x3C00 is 1.0 in IEEE half; 0x3F80 is 1.0 in bfloat16.
        Assert.Equal(new[] { (Half)1f }, Decode(OnnxElementType.Float16, t => t.Int32Data.Add(0x3C00)).As<Half>());
        Assert.Equal(1f, Decode(OnnxElementType.BFloat16, t => t.Int32Data.Add(0x3F80)).As<BFloat16>()[0].ToSingle());
        Assert.Equal(new[] { uint.MaxValue }, Decode(OnnxElementType.UInt32, t => t.UInt64Data.Add(uint.MaxValue)).As<uint>());
        Assert.Equal(new[] { 2.5f }, Decode(OnnxElementType.Float, t => t.FloatData.Add(2.5f)).As<float>());
        Assert.Equal(new[] { 9L }, Decode(OnnxElementType.Int64, t => t.Int64Data.Add(9)).As<long>());
        Assert.Equal(new[] { "hé" }, OnnxTensorData.Decode(OnnxTensorData.FromStrings("s", [1], ["hé"])).As<string>());
    }

    [Fact]
    public void Sub_byte_and_float8_types_decode_to_one_element_per_byte()
    {
        // Low nibble first: 0xF2 holds 2 then -1 (INT4) or 2 then 15 (UINT4); an odd count leaves the last high nibble unused.
        Assert.Equal(new sbyte[] { 2, -1, 7 }, Decode(OnnxElementType.Int4, t => t.RawData = [0xF2, 0x07], 3).As<sbyte>());
        Assert.Equal(new byte[] { 2, 15, 7 }, Decode(OnnxElementType.UInt4, t => t.Int32Data.AddRange([0xF2, 0x07]), 3).As<byte>());
        Assert.Equal(new sbyte[] { 1, -2, -1, 0 }, Decode(OnnxElementType.Int2, t => t.RawData = [0b00_11_10_01], 4).As<sbyte>());
        Assert.Equal(new byte[] { 0x38, 0x7F }, Decode(OnnxElementType.Float8E4M3FN, t => t.RawData = [0x38, 0x7F], 2).As<byte>());
    }

    [Fact]
    public void BFloat16_rounds_to_nearest_even()
    {
        Assert.Equal(0x3F80, BFloat16.FromSingle(1f).Bits);
        Assert.Equal(0x3F80, BFloat16.FromSingle(BitConverter.UInt32BitsToSingle(0x3F808000)).Bits);
        Assert.Equal(0x3F82, BFloat16.FromSingle(BitConverter.UInt32BitsToSingle(0x3F818000)).Bits);
        Assert.True(float.IsNaN(BFloat16.FromSingle(float.NaN).ToSingle()));
    }

    [Fact]
    public void Mismatched_lengths_and_unsupported_data_are_reported()
    {
        var shortRaw = new TensorProto { Name = "w", DataType = OnnxElementType.Float, RawData = new byte[7] };
        shortRaw.Dims.Add(2);
        var mismatch = Assert.Throws<OnnxFormatException>(() => OnnxTensorData.Decode(shortRaw));
        Assert.Equal("TensorProto 'w'.raw_data", mismatch.FieldPath);

        var external = new TensorProto { Name = "big", DataType = OnnxElementType.Float, DataLocation = 1 };
        Assert.Contains("external", Assert.Throws<NotSupportedException>(() => OnnxTensorData.Decode(external)).Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => OnnxTensorData.Decode(new TensorProto { DataType = OnnxElementType.Complex64 }));
        Assert.Throws<NotSupportedException>(() => OnnxTensorData.Decode(new TensorProto { DataType = (OnnxElementType)99 }));
        Assert.Throws<ArgumentException>(() => OnnxTensorData.FromValues<float>("x", [3], [1f]));
        Assert.Throws<InvalidCastException>(() => OnnxTensorData.Decode(OnnxTensorData.FromValues<float>("x", [1], [1f])).As<double>());
    }

    private static ProtoTensor Decode(OnnxElementType type, Action<TensorProto> fill, long? count = null)
    {
        var tensor = new TensorProto { DataType = type };
        fill(tensor);
        tensor.Dims.Add(count ?? (tensor.Int32Data.Count + tensor.UInt64Data.Count + tensor.FloatData.Count + tensor.Int64Data.Count));
        return OnnxTensorData.Decode(TensorProto.Read(tensor.ToByteArray()));
    }

    private static void AssertRoundTrip<T>(OnnxElementType expectedType, T[] values)
        where T : unmanaged
    {
        TensorProto tensor = OnnxTensorData.FromValues<T>("v", [1, values.Length], values);
        ProtoTensor decoded = OnnxTensorData.Decode(TensorProto.Read(tensor.ToByteArray()));
        Assert.Equal(expectedType, decoded.DataType);
        Assert.Equal([1L, values.Length], decoded.Shape);
        Assert.Equal(values, decoded.As<T>());
    }
}
