namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>The type of a map (<c>TypeProto.Map</c>).</summary>
public sealed class MapTypeProto : IProtoMessage<MapTypeProto>
{
    /// <summary>Field 1: an integer type or STRING.</summary>
    public OnnxElementType KeyType { get; set; }

    /// <summary>Field 2.</summary>
    public TypeProto? ValueType { get; set; }

    static string IProtoMessage<MapTypeProto>.MessageName => "Map";

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInt32(1, (int)KeyType);
        if (ValueType is not null)
        {
            writer.WriteMessage(2, ValueType);
        }
    }

    static string? IProtoMessage<MapTypeProto>.FieldName(int number) => number switch
    {
        1 => "key_type",
        2 => "value_type",
        _ => null,
    };

    static MapTypeProto IProtoMessage<MapTypeProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new MapTypeProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.KeyType = (OnnxElementType)reader.ReadInt32(); break;
                case 2: message.ValueType = reader.ReadMessage<TypeProto>("value_type"); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
