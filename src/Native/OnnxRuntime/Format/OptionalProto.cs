namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>A value that may be absent (<c>OptionalProto</c>, onnx-data.proto): at most one of the value fields is set.</summary>
/// <remarks>A sparse tensor value (field 4) is skipped when read.</remarks>
public sealed class OptionalProto : IProtoMessage<OptionalProto>
{
    /// <summary>Field 1.</summary>
    public string? Name { get; set; }

    /// <summary>Field 2: which value field is used.</summary>
    public ProtoValueKind ElemType { get; set; }

    /// <summary>Field 3.</summary>
    public TensorProto? TensorValue { get; set; }

    /// <summary>Field 5.</summary>
    public SequenceProto? SequenceValue { get; set; }

    /// <summary>Field 6.</summary>
    public MapProto? MapValue { get; set; }

    /// <summary>Field 7.</summary>
    public OptionalProto? OptionalValue { get; set; }

    /// <summary>True when one of the value fields is set.</summary>
    public bool HasValue => TensorValue is not null || SequenceValue is not null || MapValue is not null || OptionalValue is not null;

    static string IProtoMessage<OptionalProto>.MessageName => "OptionalProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes, naming the field path and byte offset.</exception>
    public static OptionalProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<OptionalProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionalString(1, Name);
        writer.WriteInt32(2, (int)ElemType);
        if (TensorValue is not null)
        {
            writer.WriteMessage(3, TensorValue);
        }

        if (SequenceValue is not null)
        {
            writer.WriteMessage(5, SequenceValue);
        }

        if (MapValue is not null)
        {
            writer.WriteMessage(6, MapValue);
        }

        if (OptionalValue is not null)
        {
            writer.WriteMessage(7, OptionalValue);
        }
    }

    static string? IProtoMessage<OptionalProto>.FieldName(int number) => number switch
    {
        1 => "name",
        2 => "elem_type",
        3 => "tensor_value",
        4 => "sparse_tensor_value",
        5 => "sequence_value",
        6 => "map_value",
        7 => "optional_value",
        _ => null,
    };

    static OptionalProto IProtoMessage<OptionalProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new OptionalProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Name = reader.ReadString(); break;
                case 2: message.ElemType = (ProtoValueKind)reader.ReadInt32(); break;
                case 3: message.TensorValue = reader.ReadMessage<TensorProto>("tensor_value"); break;
                case 5: message.SequenceValue = reader.ReadMessage<SequenceProto>("sequence_value"); break;
                case 6: message.MapValue = reader.ReadMessage<MapProto>("map_value"); break;
                case 7: message.OptionalValue = reader.ReadMessage<OptionalProto>("optional_value"); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
