namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>A key/value pair (<c>StringStringEntryProto</c>): model metadata, external data locations.</summary>
public sealed class StringStringEntryProto : IProtoMessage<StringStringEntryProto>
{
    /// <summary>Creates an empty entry.</summary>
    public StringStringEntryProto()
    {
    }

    /// <summary>Creates an entry.</summary>
    public StringStringEntryProto(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>Field 1.</summary>
    public string? Key { get; set; }

    /// <summary>Field 2.</summary>
    public string? Value { get; set; }

    static string IProtoMessage<StringStringEntryProto>.MessageName => "StringStringEntryProto";

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    public static StringStringEntryProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<StringStringEntryProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionalString(1, Key);
        writer.WriteOptionalString(2, Value);
    }

    static string? IProtoMessage<StringStringEntryProto>.FieldName(int number) => number switch
    {
        1 => "key",
        2 => "value",
        _ => null,
    };

    static StringStringEntryProto IProtoMessage<StringStringEntryProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new StringStringEntryProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.Key = reader.ReadString(); break;
                case 2: message.Value = reader.ReadString(); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
