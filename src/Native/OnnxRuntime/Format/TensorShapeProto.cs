namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>A tensor shape whose dimensions are numbers, names, or unknown (<c>TensorShapeProto</c>).</summary>
public sealed class TensorShapeProto : IProtoMessage<TensorShapeProto>
{
    /// <summary>Field 1: the dimensions, outermost first.</summary>
    public List<TensorShapeDimension> Dims { get; } = [];

    static string IProtoMessage<TensorShapeProto>.MessageName => "TensorShapeProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    public static TensorShapeProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<TensorShapeProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteMessages(1, Dims);
    }

    static string? IProtoMessage<TensorShapeProto>.FieldName(int number) => number == 1 ? "dim" : null;

    static TensorShapeProto IProtoMessage<TensorShapeProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new TensorShapeProto();
        while (reader.TryReadTag(out int field, out _))
        {
            if (field == 1)
            {
                message.Dims.Add(reader.ReadMessage<TensorShapeDimension>("dim", message.Dims.Count));
            }
            else
            {
                reader.SkipField();
            }
        }

        return message;
    }
}
