namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// A serialized tensor (<c>TensorProto</c>): shape, element type and the data in exactly one of the typed fields
/// or <see cref="RawData"/>. Use <see cref="OnnxTensorData"/> to turn it into a typed array.
/// </summary>
/// <example>
/// <code>
/// TensorProto tensor = TensorProto.Read(File.ReadAllBytes("input_0.pb"));
/// ProtoTensor values = OnnxTensorData.Decode(tensor);
/// float[] floats = values.As&lt;float&gt;();
/// </code>
/// </example>
/// <remarks>The <c>segment</c> (3) and <c>metadata_props</c> (16) fields are skipped when read.</remarks>
public sealed class TensorProto : IProtoMessage<TensorProto>
{
    /// <summary>Field 1: the shape, outermost dimension first.</summary>
    public List<long> Dims { get; } = [];

    /// <summary>Field 2: the element type.</summary>
    public OnnxElementType DataType { get; set; }

    /// <summary>Field 4: FLOAT (and COMPLEX64) values.</summary>
    public List<float> FloatData { get; } = [];

    /// <summary>Field 5: INT32, INT16, INT8, UINT16, UINT8, BOOL, FLOAT16 and BFLOAT16 (as bit patterns) values.</summary>
    public List<int> Int32Data { get; } = [];

    /// <summary>Field 6: STRING values as UTF-8 bytes.</summary>
    public List<byte[]> StringData { get; } = [];

    /// <summary>Field 7: INT64 values.</summary>
    public List<long> Int64Data { get; } = [];

    /// <summary>Field 8: the tensor's name.</summary>
    public string? Name { get; set; }

    /// <summary>Field 12: documentation.</summary>
    public string? DocString { get; set; }

    /// <summary>Field 9: fixed-width little-endian element bytes (any type but STRING); null when absent.</summary>
    public byte[]? RawData { get; set; }

    /// <summary>Field 13: where external data lives (location, offset, length); reading it is not supported.</summary>
    public List<StringStringEntryProto> ExternalData { get; } = [];

    /// <summary>Field 14: 0 = DEFAULT (inside this message), 1 = EXTERNAL.</summary>
    public int DataLocation { get; set; }

    /// <summary>Field 10: DOUBLE (and COMPLEX128) values.</summary>
    public List<double> DoubleData { get; } = [];

    /// <summary>Field 11: UINT32 and UINT64 values.</summary>
    public List<ulong> UInt64Data { get; } = [];

    /// <summary>True when the data is stored in a separate file (not supported by <see cref="OnnxTensorData"/>).</summary>
    public bool HasExternalData => DataLocation == 1 || ExternalData.Count > 0;

    static string IProtoMessage<TensorProto>.MessageName => "TensorProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes, naming the field path and byte offset.</exception>
    public static TensorProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<TensorProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <summary>Writes this message's fields (no tag or length of its own) to <paramref name="writer"/>.</summary>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePackedInt64(1, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Dims));
        if (DataType != OnnxElementType.Undefined)
        {
            writer.WriteInt32(2, (int)DataType);
        }

        writer.WritePackedFloat(4, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(FloatData));
        writer.WritePackedInt32(5, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Int32Data));
        foreach (byte[] value in StringData)
        {
            writer.WriteBytes(6, value);
        }

        writer.WritePackedInt64(7, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Int64Data));
        writer.WriteOptionalString(8, Name);
        if (RawData is not null)
        {
            writer.WriteBytes(9, RawData);
        }

        writer.WritePackedDouble(10, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(DoubleData));
        writer.WritePackedUInt64(11, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(UInt64Data));
        writer.WriteOptionalString(12, DocString);
        writer.WriteMessages(13, ExternalData);
        if (DataLocation != 0)
        {
            writer.WriteInt32(14, DataLocation);
        }
    }

    static string? IProtoMessage<TensorProto>.FieldName(int number) => number switch
    {
        1 => "dims",
        2 => "data_type",
        3 => "segment",
        4 => "float_data",
        5 => "int32_data",
        6 => "string_data",
        7 => "int64_data",
        8 => "name",
        9 => "raw_data",
        10 => "double_data",
        11 => "uint64_data",
        12 => "doc_string",
        13 => "external_data",
        14 => "data_location",
        _ => null,
    };

    static TensorProto IProtoMessage<TensorProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new TensorProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: reader.ReadRepeatedInt64(message.Dims); break;
                case 2: message.DataType = (OnnxElementType)reader.ReadInt32(); break;
                case 4: reader.ReadRepeatedFloat(message.FloatData); break;
                case 5: reader.ReadRepeatedInt32(message.Int32Data); break;
                case 6: message.StringData.Add(reader.ReadBytes().ToArray()); break;
                case 7: reader.ReadRepeatedInt64(message.Int64Data); break;
                case 8: message.Name = reader.ReadString(); break;
                case 9: message.RawData = reader.ReadBytes().ToArray(); break;
                case 10: reader.ReadRepeatedDouble(message.DoubleData); break;
                case 11: reader.ReadRepeatedUInt64(message.UInt64Data); break;
                case 12: message.DocString = reader.ReadString(); break;
                case 13: message.ExternalData.Add(reader.ReadMessage<StringStringEntryProto>("external_data", message.ExternalData.Count)); break;
                case 14: message.DataLocation = reader.ReadInt32(); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
