using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Conformance;

/// <summary>Turns a node test's stored input values into ORT values, guided by the graph input's declared type.</summary>
internal static class NodeTestInputs
{
    /// <summary>The value to feed, or null for a None optional (which is left out of the run).</summary>
    public static OnnxValue? ToOrt(ProtoValue value, TypeProto? declared) => value.Kind switch
    {
        ProtoValueKind.Tensor => OnnxValue.FromTensor(Tensor(value.DecodeTensor(), DeclaredElement(declared))),
        ProtoValueKind.Sequence => Sequence(value.Sequence!, declared?.SequenceType?.ElemType ?? declared?.OptionalType?.ElemType?.SequenceType?.ElemType),
        ProtoValueKind.Optional => Optional(value.Optional!, declared),
        _ => throw new NotSupportedException($"Inputs of kind {value.Kind} are not supported by this runner."),
    };

    public static OnnxTensor Tensor(ProtoTensor tensor, OnnxElementType declared)
    {
        var shape = tensor.Shape.ToArray();

        // The bfloat16 cast test stores its bfloat16 input as the raw bits in a UINT16 tensor.
        if (declared == OnnxElementType.BFloat16 && tensor.DataType == OnnxElementType.UInt16)
        {
            return OnnxTensor.Create(Array.ConvertAll(tensor.As<ushort>(), static bits => new BFloat16(bits)), shape);
        }

        return tensor.DataType switch
        {
            OnnxElementType.Float => OnnxTensor.Create(tensor.As<float>(), shape),
            OnnxElementType.Double => OnnxTensor.Create(tensor.As<double>(), shape),
            OnnxElementType.Int8 => OnnxTensor.Create(tensor.As<sbyte>(), shape),
            OnnxElementType.Int16 => OnnxTensor.Create(tensor.As<short>(), shape),
            OnnxElementType.Int32 => OnnxTensor.Create(tensor.As<int>(), shape),
            OnnxElementType.Int64 => OnnxTensor.Create(tensor.As<long>(), shape),
            OnnxElementType.UInt8 => OnnxTensor.Create(tensor.As<byte>(), shape),
            OnnxElementType.UInt16 => OnnxTensor.Create(tensor.As<ushort>(), shape),
            OnnxElementType.UInt32 => OnnxTensor.Create(tensor.As<uint>(), shape),
            OnnxElementType.UInt64 => OnnxTensor.Create(tensor.As<ulong>(), shape),
            OnnxElementType.Bool => OnnxTensor.Create(tensor.As<bool>(), shape),
            OnnxElementType.Float16 => OnnxTensor.Create(tensor.As<Half>(), shape),
            OnnxElementType.BFloat16 => OnnxTensor.Create(tensor.As<BFloat16>(), shape),
            OnnxElementType.String => OnnxTensor.CreateStrings(tensor.As<string>(), shape),
            _ => throw new NotSupportedException($"Tensor '{tensor.Name}' has element type {tensor.DataType}, which the binding cannot create."),
        };
    }

    private static OnnxValue Sequence(SequenceProto sequence, TypeProto? elementType)
    {
        if (sequence.ElemType != ProtoValueKind.Tensor && sequence.Count > 0)
        {
            throw new NotSupportedException($"Sequences of {sequence.ElemType} are not supported by this runner.");
        }

        var declared = elementType?.TensorType?.ElemType ?? OnnxElementType.Undefined;
        if (sequence.TensorValues.Count == 0)
        {
            return OnnxValue.CreateEmptySequence(ToElementType(declared));
        }

        var tensors = new List<OnnxTensor>(sequence.TensorValues.Count);
        try
        {
            foreach (var tensor in sequence.TensorValues)
            {
                tensors.Add(Tensor(OnnxTensorData.Decode(tensor), declared));
            }

            return OnnxValue.CreateSequence(tensors);
        }
        catch
        {
            tensors.ForEach(t => t.Dispose());
            throw;
        }
    }

    private static OnnxValue? Optional(OptionalProto optional, TypeProto? declared)
    {
        // A present optional is fed as its contained value; ORT unwraps optional graph inputs itself.
        var inner = declared?.OptionalType?.ElemType ?? declared;
        if (optional.TensorValue is { } tensor)
        {
            return OnnxValue.FromTensor(Tensor(OnnxTensorData.Decode(tensor), inner?.TensorType?.ElemType ?? OnnxElementType.Undefined));
        }

        if (optional.SequenceValue is { } sequence)
        {
            return Sequence(sequence, inner?.SequenceType?.ElemType);
        }

        return optional.HasValue
            ? throw new NotSupportedException($"Optionals of {optional.ElemType} are not supported by this runner.")
            : null;
    }

    private static OnnxElementType DeclaredElement(TypeProto? declared) =>
        declared?.TensorType?.ElemType ?? declared?.OptionalType?.ElemType?.TensorType?.ElemType ?? OnnxElementType.Undefined;

    private static OnnxElementType ToElementType(OnnxElementType type) =>
        type is > OnnxElementType.Undefined and <= OnnxElementType.BFloat16
            ? (OnnxElementType)(int)type
            : throw new NotSupportedException($"An empty sequence of {type} cannot be created.");
}
