namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>A computation graph (<c>GraphProto</c>): nodes in topological order, constants, inputs and outputs.</summary>
/// <remarks>Sparse initializers (15) and quantization annotations (14) are skipped when read.</remarks>
public sealed class GraphProto : IProtoMessage<GraphProto>
{
    /// <summary>Field 1.</summary>
    public List<NodeProto> Node { get; } = [];

    /// <summary>Field 2.</summary>
    public string? Name { get; set; }

    /// <summary>Field 5: named constant tensors (weights).</summary>
    public List<TensorProto> Initializer { get; } = [];

    /// <summary>Field 10.</summary>
    public string? DocString { get; set; }

    /// <summary>Field 11.</summary>
    public List<ValueInfoProto> Input { get; } = [];

    /// <summary>Field 12.</summary>
    public List<ValueInfoProto> Output { get; } = [];

    /// <summary>Field 13.</summary>
    public List<ValueInfoProto> ValueInfo { get; } = [];

    static string IProtoMessage<GraphProto>.MessageName => "GraphProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    public static GraphProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<GraphProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteMessages(1, Node);
        writer.WriteOptionalString(2, Name);
        writer.WriteMessages(5, Initializer);
        writer.WriteOptionalString(10, DocString);
        writer.WriteMessages(11, Input);
        writer.WriteMessages(12, Output);
        writer.WriteMessages(13, ValueInfo);
    }

    static string? IProtoMessage<GraphProto>.FieldName(int number) => number switch
    {
        1 => "node",
        2 => "name",
        5 => "initializer",
        10 => "doc_string",
        11 => "input",
        12 => "output",
        13 => "value_info",
        14 => "quantization_annotation",
        15 => "sparse_initializer",
        _ => null,
    };

    static GraphProto IProtoMessage<GraphProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new GraphProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Node.Add(reader.ReadMessage<NodeProto>("node", message.Node.Count)); break;
                case 2: message.Name = reader.ReadString(); break;
                case 5: message.Initializer.Add(reader.ReadMessage<TensorProto>("initializer", message.Initializer.Count)); break;
                case 10: message.DocString = reader.ReadString(); break;
                case 11: message.Input.Add(reader.ReadMessage<ValueInfoProto>("input", message.Input.Count)); break;
                case 12: message.Output.Add(reader.ReadMessage<ValueInfoProto>("output", message.Output.Count)); break;
                case 13: message.ValueInfo.Add(reader.ReadMessage<ValueInfoProto>("value_info", message.ValueInfo.Count)); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
