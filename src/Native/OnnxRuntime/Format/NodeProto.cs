namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>One operator call in a graph (<c>NodeProto</c>).</summary>
public sealed class NodeProto : IProtoMessage<NodeProto>
{
    /// <summary>Field 1: input value names; an empty name leaves an optional input out.</summary>
    public List<string> Input { get; } = [];

    /// <summary>Field 2: output value names.</summary>
    public List<string> Output { get; } = [];

    /// <summary>Field 3.</summary>
    public string? Name { get; set; }

    /// <summary>Field 4: the operator, e.g. <c>MatMul</c>.</summary>
    public string? OpType { get; set; }

    /// <summary>Field 7: the operator set domain; empty or null is ai.onnx.</summary>
    public string? Domain { get; set; }

    /// <summary>Field 5.</summary>
    public List<AttributeProto> Attribute { get; } = [];

    /// <summary>Field 6.</summary>
    public string? DocString { get; set; }

    static string IProtoMessage<NodeProto>.MessageName => "NodeProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    public static NodeProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<NodeProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStrings(1, Input);
        writer.WriteStrings(2, Output);
        writer.WriteOptionalString(3, Name);
        writer.WriteOptionalString(4, OpType);
        writer.WriteMessages(5, Attribute);
        writer.WriteOptionalString(6, DocString);
        writer.WriteOptionalString(7, Domain);
    }

    static string? IProtoMessage<NodeProto>.FieldName(int number) => number switch
    {
        1 => "input",
        2 => "output",
        3 => "name",
        4 => "op_type",
        5 => "attribute",
        6 => "doc_string",
        7 => "domain",
        _ => null,
    };

    static NodeProto IProtoMessage<NodeProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new NodeProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Input.Add(reader.ReadString()); break;
                case 2: message.Output.Add(reader.ReadString()); break;
                case 3: message.Name = reader.ReadString(); break;
                case 4: message.OpType = reader.ReadString(); break;
                case 5: message.Attribute.Add(reader.ReadMessage<AttributeProto>("attribute", message.Attribute.Count)); break;
                case 6: message.DocString = reader.ReadString(); break;
                case 7: message.Domain = reader.ReadString(); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
