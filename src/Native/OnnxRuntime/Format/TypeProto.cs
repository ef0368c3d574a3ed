namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// The declared type of a graph input, output or value (<c>TypeProto</c>): exactly one of tensor, sequence, map,
/// optional or sparse tensor. <see cref="Kind"/> says which.
/// </summary>
/// <example>
/// <code>
/// TypeProto floats = TypeProto.Tensor(OnnxElementType.Float, "batch", 4);
/// TypeProto list = TypeProto.Sequence(floats);
/// </code>
/// </example>
/// <remarks>Opaque types (field 7) are skipped when read, leaving <see cref="Kind"/> undefined.</remarks>
public sealed class TypeProto : IProtoMessage<TypeProto>
{
    /// <summary>Field 1.</summary>
    public TensorTypeProto? TensorType { get; set; }

    /// <summary>Field 4.</summary>
    public ElementTypeProto? SequenceType { get; set; }

    /// <summary>Field 5.</summary>
    public MapTypeProto? MapType { get; set; }

    /// <summary>Field 9.</summary>
    public ElementTypeProto? OptionalType { get; set; }

    /// <summary>Field 8.</summary>
    public TensorTypeProto? SparseTensorType { get; set; }

    /// <summary>Field 6.</summary>
    public string? Denotation { get; set; }

    /// <summary>Which kind of value this type describes.</summary>
    public ProtoValueKind Kind =>
        TensorType is not null ? ProtoValueKind.Tensor
        : SequenceType is not null ? ProtoValueKind.Sequence
        : MapType is not null ? ProtoValueKind.Map
        : OptionalType is not null ? ProtoValueKind.Optional
        : SparseTensorType is not null ? ProtoValueKind.SparseTensor
        : ProtoValueKind.Undefined;

    static string IProtoMessage<TypeProto>.MessageName => "TypeProto";

    /// <summary>A tensor type; each dimension is a <see cref="long"/> size, a <see cref="string"/> name or null (unknown).</summary>
    public static TypeProto Tensor(OnnxElementType elemType, params object?[]? dims)
    {
        var tensor = new TensorTypeProto { ElemType = elemType };
        if (dims is not null)
        {
            tensor.Shape = new TensorShapeProto();
            foreach (object? dim in dims)
            {
                tensor.Shape.Dims.Add(dim switch
                {
                    null => new TensorShapeDimension(),
                    string name => new TensorShapeDimension(name),
                    long size => new TensorShapeDimension(size),
                    int size => new TensorShapeDimension(size),
                    _ => throw new ArgumentException($"A dimension must be a long, an int, a string or null, not {dim.GetType().Name}.", nameof(dims)),
                });
            }
        }

        return new TypeProto { TensorType = tensor };
    }

    /// <summary>A sequence type.</summary>
    public static TypeProto Sequence(TypeProto elemType) => new() { SequenceType = new ElementTypeProto(elemType) };

    /// <summary>A map type.</summary>
    public static TypeProto Map(OnnxElementType keyType, TypeProto valueType) =>
        new() { MapType = new MapTypeProto { KeyType = keyType, ValueType = valueType } };

    /// <summary>An optional type.</summary>
    public static TypeProto Optional(TypeProto elemType) => new() { OptionalType = new ElementTypeProto(elemType) };

    /// <summary>Parses a serialized message.</summary>
    /// <exception cref="OnnxFormatException">Malformed bytes.</exception>
    public static TypeProto Read(ReadOnlySpan<byte> bytes) => ProtoReader.ReadRoot<TypeProto>(bytes);

    /// <summary>Serializes this message.</summary>
    public byte[] ToByteArray() => ProtoMessages.Serialize(this);

    /// <summary>Describes the type the way ONNX prints it, e.g. <c>seq(tensor(float))</c>.</summary>
    public override string ToString() => Kind switch
    {
        ProtoValueKind.Tensor => "tensor(" + TensorType!.ElemType + ")",
        ProtoValueKind.SparseTensor => "sparse_tensor(" + SparseTensorType!.ElemType + ")",
        ProtoValueKind.Sequence => "seq(" + SequenceType!.ElemType + ")",
        ProtoValueKind.Optional => "optional(" + OptionalType!.ElemType + ")",
        ProtoValueKind.Map => "map(" + MapType!.KeyType + "," + MapType.ValueType + ")",
        _ => "undefined",
    };

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (TensorType is not null)
        {
            writer.WriteMessage(1, TensorType);
        }

        if (SequenceType is not null)
        {
            writer.WriteMessage(4, SequenceType);
        }

        if (MapType is not null)
        {
            writer.WriteMessage(5, MapType);
        }

        writer.WriteOptionalString(6, Denotation);
        if (SparseTensorType is not null)
        {
            writer.WriteMessage(8, SparseTensorType);
        }

        if (OptionalType is not null)
        {
            writer.WriteMessage(9, OptionalType);
        }
    }

    static string? IProtoMessage<TypeProto>.FieldName(int number) => number switch
    {
        1 => "tensor_type",
        4 => "sequence_type",
        5 => "map_type",
        6 => "denotation",
        7 => "opaque_type",
        8 => "sparse_tensor_type",
        9 => "optional_type",
        _ => null,
    };

    static TypeProto IProtoMessage<TypeProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new TypeProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.TensorType = reader.ReadMessage<TensorTypeProto>("tensor_type"); break;
                case 4: message.SequenceType = reader.ReadMessage<ElementTypeProto>("sequence_type"); break;
                case 5: message.MapType = reader.ReadMessage<MapTypeProto>("map_type"); break;
                case 6: message.Denotation = reader.ReadString(); break;
                case 8: message.SparseTensorType = reader.ReadMessage<TensorTypeProto>("sparse_tensor_type"); break;
                case 9: message.OptionalType = reader.ReadMessage<ElementTypeProto>("optional_type"); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
