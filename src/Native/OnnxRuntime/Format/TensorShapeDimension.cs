namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// One dimension of a <see cref="TensorShapeProto"/> (<c>TensorShapeProto.Dimension</c>): a fixed size
/// (<see cref="Value"/>), a symbolic name (<see cref="Param"/>), or neither (unknown).
/// </summary>
public sealed class TensorShapeDimension : IProtoMessage<TensorShapeDimension>
{
    /// <summary>Creates an unknown dimension.</summary>
    public TensorShapeDimension()
    {
    }

    /// <summary>Creates a fixed-size dimension.</summary>
    public TensorShapeDimension(long value) => Value = value;

    /// <summary>Creates a symbolic dimension such as <c>"batch"</c>.</summary>
    public TensorShapeDimension(string param) => Param = param;

    /// <summary>Field 1 (<c>dim_value</c>); null when not set.</summary>
    public long? Value { get; set; }

    /// <summary>Field 2 (<c>dim_param</c>); null when not set.</summary>
    public string? Param { get; set; }

    /// <summary>Field 3.</summary>
    public string? Denotation { get; set; }

    static string IProtoMessage<TensorShapeDimension>.MessageName => "Dimension";

    /// <inheritdoc/>
    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Param ?? "?";

    /// <inheritdoc cref="TensorProto.WriteTo"/>
    public void WriteTo(ProtoWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Value is long value)
        {
            writer.WriteInt64(1, value);
        }
        else
        {
            writer.WriteOptionalString(2, Param);
        }

        writer.WriteOptionalString(3, Denotation);
    }

    static string? IProtoMessage<TensorShapeDimension>.FieldName(int number) => number switch
    {
        1 => "dim_value",
        2 => "dim_param",
        3 => "denotation",
        _ => null,
    };

    static TensorShapeDimension IProtoMessage<TensorShapeDimension>.ReadFrom(ref ProtoReader reader)
    {
        var message = new TensorShapeDimension();
        while (reader.TryReadTag(out int field, out _))
        {
            switch (field)
            {
                // A oneof: the last one seen wins.
                case 1: message.Value = reader.ReadInt64(); message.Param = null; break;
                case 2: message.Param = reader.ReadString(); message.Value = null; break;
                case 3: message.Denotation = reader.ReadString(); break;
                default: reader.SkipField(); break;
            }
        }

        return message;
    }
}
