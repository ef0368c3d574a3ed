namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// The element type of a sequence or the wrapped type of an optional (<c>TypeProto.Sequence</c> and
/// <c>TypeProto.Optional</c> share this one-field layout).
/// </summary>
public sealed class ElementTypeProto : IProtoMessage<ElementTypeProto>
{
    /// <summary>Creates an element type, optionally set.</summary>
    public ElementTypeProto(TypeProto? elemType = null) => ElemType = elemType;

    /// <summary>Field 1.</summary>
    public TypeProto? ElemType { get; set; }

    static string IProtoMessage<ElementTypeProto>.MessageName => "ElementType";

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (ElemType is not null)
        {
            writer.WriteMessage(1, ElemType);
        }
    }

    static string? IProtoMessage<ElementTypeProto>.FieldName(int number) => number == 1 ? "elem_type" : null;

    static ElementTypeProto IProtoMessage<ElementTypeProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new ElementTypeProto();
        while (reader.TryReadTag(out int field, out _))
        {
            if (field == 1)
            {
                message.ElemType = reader.ReadMessage<TypeProto>("elem_type");
            }
            else
            {
                reader.SkipField();
            }
        }

        return message;
    }
}
