namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>An operator set a model imports (<c>OperatorSetIdProto</c>): "" (or null) is ai.onnx.</summary>
public sealed class OperatorSetIdProto : IProtoMessage<OperatorSetIdProto>
{
    /// <summary>Creates an empty entry.</summary>
    public OperatorSetIdProto()
    {
    }

    /// <summary>Creates an entry for <paramref name="domain"/> at <paramref name="version"/>.</summary>
    public OperatorSetIdProto(string domain, long version)
    {
        Domain = domain;
        Version = version;
    }

    /// <summary>Field 1: the operator set domain; empty or null means the default ai.onnx domain.</summary>
    public string? Domain { get; set; }

    /// <summary>Field 2: the operator set version.</summary>
    public long Version { get; set; }

    static string IProtoMessage<OperatorSetIdProto>.MessageName => "OperatorSetIdProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    public static OperatorSetIdProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<OperatorSetIdProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionalString(1, Domain);
        writer.WriteInt64(2, Version);
    }

    static string? IProtoMessage<OperatorSetIdProto>.FieldName(int number) => number switch
    {
        1 => "domain",
        2 => "version",
        _ => null,
    };

    static OperatorSetIdProto IProtoMessage<OperatorSetIdProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new OperatorSetIdProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Domain = reader.ReadString(); break;
                case 2: message.Version = reader.ReadInt64(); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
