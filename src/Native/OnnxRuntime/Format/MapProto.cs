namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// A map (<c>MapProto</c>, onnx-data.proto): integer keys in <see cref="Keys"/> or string keys in
/// <see cref="StringKeys"/>, and the values, in the same order, as a <see cref="SequenceProto"/>.
/// </summary>
public sealed class MapProto : IProtoMessage<MapProto>
{
    /// <summary>Field 1.</summary>
    public string? Name { get; set; }

    /// <summary>Field 2: an integer type or STRING.</summary>
    public OnnxElementType KeyType { get; set; }

    /// <summary>Field 3: integer keys (all integer key types widen to int64).</summary>
    public List<long> Keys { get; } = [];

    /// <summary>Field 4: string keys as UTF-8 bytes.</summary>
    public List<byte[]> StringKeys { get; } = [];

    /// <summary>Field 5: the values, one per key.</summary>
    public SequenceProto? Values { get; set; }

    static string IProtoMessage<MapProto>.MessageName => "MapProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes, naming the field path and byte offset.</exception>
    public static MapProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<MapProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionalString(1, Name);
        writer.WriteInt32(2, (int)KeyType);
        writer.WritePackedInt64(3, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Keys));
        foreach (byte[] key in StringKeys)
        {
            writer.WriteBytes(4, key);
        }

        if (Values is not null)
        {
            writer.WriteMessage(5, Values);
        }
    }

    static string? IProtoMessage<MapProto>.FieldName(int number) => number switch
    {
        1 => "name",
        2 => "key_type",
        3 => "keys",
        4 => "string_keys",
        5 => "values",
        _ => null,
    };

    static MapProto IProtoMessage<MapProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new MapProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Name = reader.ReadString(); break;
                case 2: message.KeyType = (OnnxElementType)reader.ReadInt32(); break;
                case 3: reader.ReadRepeatedInt64(message.Keys); break;
                case 4: message.StringKeys.Add(reader.ReadBytes().ToArray()); break;
                case 5: message.Values = reader.ReadMessage<SequenceProto>("values"); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
