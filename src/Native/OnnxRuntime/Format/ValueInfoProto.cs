namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>A named, typed value: a graph input, output or intermediate (<c>ValueInfoProto</c>).</summary>
public sealed class ValueInfoProto : IProtoMessage<ValueInfoProto>
{
    /// <summary>Creates an empty value info.</summary>
    public ValueInfoProto()
    {
    }

    /// <summary>Creates a value info.</summary>
    public ValueInfoProto(string name, TypeProto type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>Field 1.</summary>
    public string? Name { get; set; }

    /// <summary>Field 2.</summary>
    public TypeProto? Type { get; set; }

    /// <summary>Field 3.</summary>
    public string? DocString { get; set; }

    static string IProtoMessage<ValueInfoProto>.MessageName => "ValueInfoProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    public static ValueInfoProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<ValueInfoProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionalString(1, Name);
        if (Type is not null)
        {
            writer.WriteMessage(2, Type);
        }

        writer.WriteOptionalString(3, DocString);
    }

    static string? IProtoMessage<ValueInfoProto>.FieldName(int number) => number switch
    {
        1 => "name",
        2 => "type",
        3 => "doc_string",
        _ => null,
    };

    static ValueInfoProto IProtoMessage<ValueInfoProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new ValueInfoProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Name = reader.ReadString(); break;
                case 2: message.Type = reader.ReadMessage<TypeProto>("type"); break;
                case 3: message.DocString = reader.ReadString(); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
