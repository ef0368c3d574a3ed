namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>An ONNX model file (<c>ModelProto</c>): the graph plus the operator sets and metadata it needs.</summary>
/// <example>
/// <code>
/// ModelProto model = ModelProto.Read(File.ReadAllBytes("model.onnx"));
/// foreach (ValueInfoProto input in model.Graph!.Input) Console.WriteLine($"{input.Name}: {input.Type}");
/// File.WriteAllBytes("copy.onnx", model.ToByteArray());
/// </code>
/// </example>
/// <remarks>Training info (20), functions (25) and other newer fields are skipped when read.</remarks>
public sealed class ModelProto : IProtoMessage<ModelProto>
{
    /// <summary>Field 1: the IR version the model targets.</summary>
    public long IrVersion { get; set; }

    /// <summary>Field 8.</summary>
    public List<OperatorSetIdProto> OpsetImport { get; } = [];

    /// <summary>Field 2.</summary>
    public string? ProducerName { get; set; }

    /// <summary>Field 3.</summary>
    public string? ProducerVersion { get; set; }

    /// <summary>Field 4: reverse-DNS model domain.</summary>
    public string? Domain { get; set; }

    /// <summary>Field 5.</summary>
    public long ModelVersion { get; set; }

    /// <summary>Field 6.</summary>
    public string? DocString { get; set; }

    /// <summary>Field 7.</summary>
    public GraphProto? Graph { get; set; }

    /// <summary>Field 14.</summary>
    public List<StringStringEntryProto> MetadataProps { get; } = [];

    static string IProtoMessage<ModelProto>.MessageName => "ModelProto";

    /// <summary>Parses a serialized model.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes, naming the field path and byte offset.</exception>
    public static ModelProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<ModelProto>(bytes);

    /// <summary>Serializes this model.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInt64(1, IrVersion);
        writer.WriteOptionalString(2, ProducerName);
        writer.WriteOptionalString(3, ProducerVersion);
        writer.WriteOptionalString(4, Domain);
        if (ModelVersion != 0)
        {
            writer.WriteInt64(5, ModelVersion);
        }

        writer.WriteOptionalString(6, DocString);
        if (Graph is not null)
        {
            writer.WriteMessage(7, Graph);
        }

        writer.WriteMessages(8, OpsetImport);
        writer.WriteMessages(14, MetadataProps);
    }

    static string? IProtoMessage<ModelProto>.FieldName(int number) => number switch
    {
        1 => "ir_version",
        2 => "producer_name",
        3 => "producer_version",
        4 => "domain",
        5 => "model_version",
        6 => "doc_string",
        7 => "graph",
        8 => "opset_import",
        14 => "metadata_props",
        20 => "training_info",
        25 => "functions",
        _ => null,
    };

    static ModelProto IProtoMessage<ModelProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new ModelProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.IrVersion = reader.ReadInt64(); break;
                case 2: message.ProducerName = reader.ReadString(); break;
                case 3: message.ProducerVersion = reader.ReadString(); break;
                case 4: message.Domain = reader.ReadString(); break;
                case 5: message.ModelVersion = reader.ReadInt64(); break;
                case 6: message.DocString = reader.ReadString(); break;
                case 7: message.Graph = reader.ReadMessage<GraphProto>("graph"); break;
                case 8: message.OpsetImport.Add(reader.ReadMessage<OperatorSetIdProto>("opset_import", message.OpsetImport.Count)); break;
                case 14: message.MetadataProps.Add(reader.ReadMessage<StringStringEntryProto>("metadata_props", message.MetadataProps.Count)); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
