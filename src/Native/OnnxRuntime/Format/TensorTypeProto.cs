namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>The type of a tensor or sparse tensor (<c>TypeProto.Tensor</c> / <c>TypeProto.SparseTensor</c>).</summary>
public sealed class TensorTypeProto : IProtoMessage<TensorTypeProto>
{
    /// <summary>Field 1.</summary>
    public OnnxElementType ElemType { get; set; }

    /// <summary>Field 2: null when even the rank is unknown.</summary>
    public TensorShapeProto? Shape { get; set; }

    static string IProtoMessage<TensorTypeProto>.MessageName => "Tensor";

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInt32(1, (int)ElemType);
        if (Shape is not null)
        {
            writer.WriteMessage(2, Shape);
        }
    }

    static string? IProtoMessage<TensorTypeProto>.FieldName(int number) => number switch
    {
        1 => "elem_type",
        2 => "shape",
        _ => null,
    };

    static TensorTypeProto IProtoMessage<TensorTypeProto>.ReadFrom(ref ProtoReader reader)
    {
        var message = new TensorTypeProto();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                case 1: message.ElemType = (OnnxElementType)reader.ReadInt32(); break;
                case 2: message.Shape = reader.ReadMessage<TensorShapeProto>("shape"); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
