namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>What every ONNX message type can do, so nested messages are read and written by one generic path.</summary>
internal interface IProtoMessage<TSelf>
    where TSelf : IProtoMessage<TSelf>
{
    /// <summary>The protobuf message name, the first part of an error path.</summary>
    static abstract string MessageName { get; }

    /// <summary>Reads the fields of one message; the reader spans exactly that message.</summary>
    static abstract TSelf ReadFrom(ref ProtoReader reader);

    /// <summary>The schema name of field <paramref name="number"/>, or null if this message does not know it.</summary>
    static abstract string? FieldName(int number);

    /// <summary>Writes the fields (not a tag or length) of this message.</summary>
    void WriteTo(ProtoWriter writer);
}
