namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>An ordered list of values of one kind (<c>SequenceProto</c>, onnx-data.proto).</summary>
/// <remarks>Sparse tensor values (field 4) are skipped when read.</remarks>
public sealed class SequenceProto : IProtoMessage<SequenceProto>
{
    /// <summary>Field 1.</summary>
    public string? Name { get; set; }

    /// <summary>Field 2: which of the value lists is used.</summary>
    public ProtoValueKind ElemType { get; set; }

    /// <summary>Field 3.</summary>
    public List<TensorProto> TensorValues { get; } = [];

    /// <summary>Field 5.</summary>
    public List<SequenceProto> SequenceValues { get; } = [];

    /// <summary>Field 6.</summary>
    public List<MapProto> MapValues { get; } = [];

    /// <summary>Field 7.</summary>
    public List<OptionalProto> OptionalValues { get; } = [];

    /// <summary>How many elements the list named by <see cref="ElemType"/> holds.</summary>
    public int Count => ElemType switch
    {
        ProtoValueKind.Tensor => TensorValues.Count,
        ProtoValueKind.Sequence => SequenceValues.Count,
        ProtoValueKind.Map => MapValues.Count,
        ProtoValueKind.Optional => OptionalValues.Count,
        _ => 0,
    };

    static string IProtoMessage<SequenceProto>.MessageName => "SequenceProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes, naming the field path and byte offset.</exception>
    public static SequenceProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<SequenceProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionalString(1, Name);
        writer.WriteInt32(2, (int)ElemType);
        writer.WriteMessages(3, TensorValues);
        writer.WriteMessages(5, SequenceValues);
        writer.WriteMessages(6, MapValues);
        writer.WriteMessages(7, OptionalValues);
    }

    static string? IProtoMessage<SequenceProto>.FieldName(int number) => number switch
    {
        1 => "name",
        2 => "elem_type",
        3 => "tensor_values",
        4 => "sparse_tensor_values",
        5 => "sequence_values",
        6 => "map_values",
        7 => "optional_values",
        _ => null,
    };

    static SequenceProto IProtoMessage<SequenceProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new SequenceProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Name = reader.ReadString(); break;
                case 2: message.ElemType = (ProtoValueKind)reader.ReadInt32(); break;
                case 3: message.TensorValues.Add(reader.ReadMessage<TensorProto>("tensor_values", message.TensorValues.Count)); break;
                case 5: message.SequenceValues.Add(reader.ReadMessage<SequenceProto>("sequence_values", message.SequenceValues.Count)); break;
                case 6: message.MapValues.Add(reader.ReadMessage<MapProto>("map_values", message.MapValues.Count)); break;
                case 7: message.OptionalValues.Add(reader.ReadMessage<OptionalProto>("optional_values", message.OptionalValues.Count)); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
