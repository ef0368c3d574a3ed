using System.Globalization;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Conformance;

/// <summary>
/// Compares an ORT output with the stored expectation the way ONNX's backend tests do: floats with
/// numpy.testing.assert_allclose (rtol 1e-3, atol 1e-7, NaN equals NaN, infinities must match), everything else exactly,
/// and shapes exactly.
/// </summary>
internal static class NodeTestComparer
{
    public const double RelativeTolerance = 1e-3;
    public const double AbsoluteTolerance = 1e-7;

    /// <summary>Null when they match, otherwise what differs.</summary>
    public static string? Mismatch(ProtoValue expected, OnnxValue actual, TypeProto? declared) => expected.Kind switch
    {
        ProtoValueKind.Tensor => Tensor(expected.DecodeTensor(), actual, declared?.TensorType?.ElemType ?? OnnxElementType.Undefined),
        ProtoValueKind.Sequence => Sequence(expected.Sequence!, actual, declared?.SequenceType?.ElemType),
        ProtoValueKind.Optional => Optional(expected.Optional!, actual, declared?.OptionalType?.ElemType),
        _ => $"expected values of kind {expected.Kind} are not compared by this runner",
    };

    private static string? Optional(OptionalProto expected, OnnxValue actual, TypeProto? inner)
    {
        if (!expected.HasValue)
        {
            return actual.HasValue ? $"expected None, got a {actual.Kind}" : null;
        }

        if (!actual.HasValue)
        {
            return "expected a value, got None";
        }

        return expected.TensorValue is { } tensor ? Tensor(OnnxTensorData.Decode(tensor), actual, inner?.TensorType?.ElemType ?? OnnxElementType.Undefined)
            : expected.SequenceValue is { } sequence ? Sequence(sequence, actual, inner?.SequenceType?.ElemType)
            : $"optional of {expected.ElemType} is not compared by this runner";
    }

    private static string? Sequence(SequenceProto expected, OnnxValue actual, TypeProto? elementType)
    {
        if (!actual.HasValue || actual.Kind != OnnxValueKind.Sequence)
        {
            return $"expected a sequence, got {(actual.HasValue ? actual.Kind.ToString() : "None")}";
        }

        if (expected.Count != actual.Elements.Count)
        {
            return $"expected {expected.Count} sequence elements, got {actual.Elements.Count}";
        }

        for (var i = 0; i < expected.TensorValues.Count; i++)
        {
            if (Tensor(OnnxTensorData.Decode(expected.TensorValues[i]), actual.Elements[i], elementType?.TensorType?.ElemType ?? OnnxElementType.Undefined) is { } problem)
            {
                return $"sequence element {i}: {problem}";
            }
        }

        return null;
    }

    private static string? Tensor(ProtoTensor expected, OnnxValue actual, OnnxElementType declared)
    {
        if (!actual.HasValue || actual.Kind != OnnxValueKind.Tensor)
        {
            return $"expected a tensor, got {(actual.HasValue ? actual.Kind.ToString() : "None")}";
        }

        var tensor = actual.AsTensor();
        var expectedType = declared == OnnxElementType.BFloat16 && expected.DataType == OnnxElementType.UInt16 ? OnnxElementType.BFloat16 : expected.DataType;
        if ((int)tensor.ElementType != (int)expectedType)
        {
            return $"expected element type {expectedType}, got {tensor.ElementType}";
        }

        if (!expected.Shape.SequenceEqual(tensor.Shape))
        {
            return $"expected shape [{string.Join(",", expected.Shape)}], got [{string.Join(",", tensor.Shape)}]";
        }

        return expectedType switch
        {
            OnnxElementType.Float => Close(expected.As<float>(), tensor.ToArray<float>(), static v => v),
            OnnxElementType.Double => Close(expected.As<double>(), tensor.ToArray<double>(), static v => v),
            OnnxElementType.Float16 => Close(expected.As<Half>(), tensor.ToArray<Half>(), static v => (double)v),
            OnnxElementType.BFloat16 when expected.DataType == OnnxElementType.UInt16 => Close(Array.ConvertAll(expected.As<ushort>(), static b => new BFloat16(b)), tensor.ToArray<BFloat16>(), static v => v.ToSingle()),
            OnnxElementType.BFloat16 => Close(expected.As<BFloat16>(), tensor.ToArray<BFloat16>(), static v => v.ToSingle()),
            OnnxElementType.Int8 => Exact(expected.As<sbyte>(), tensor.ToArray<sbyte>()),
            OnnxElementType.Int16 => Exact(expected.As<short>(), tensor.ToArray<short>()),
            OnnxElementType.Int32 => Exact(expected.As<int>(), tensor.ToArray<int>()),
            OnnxElementType.Int64 => Exact(expected.As<long>(), tensor.ToArray<long>()),
            OnnxElementType.UInt8 => Exact(expected.As<byte>(), tensor.ToArray<byte>()),
            OnnxElementType.UInt16 => Exact(expected.As<ushort>(), tensor.ToArray<ushort>()),
            OnnxElementType.UInt32 => Exact(expected.As<uint>(), tensor.ToArray<uint>()),
            OnnxElementType.UInt64 => Exact(expected.As<ulong>(), tensor.ToArray<ulong>()),
            OnnxElementType.Bool => Exact(expected.As<bool>(), tensor.ToArray<bool>()),
            OnnxElementType.String => Exact(expected.As<string>(), tensor.ToArray<string>()),
            _ => $"element type {expectedType} is not compared by this runner",
        };
    }

    private static string? Close<T>(T[] expected, T[] actual, Func<T, double> widen)
    {
        var bad = 0;
        var first = -1;
        for (var i = 0; i < expected.Length; i++)
        {
            double e = widen(expected[i]), a = widen(actual[i]);
            var ok = double.IsNaN(e) ? double.IsNaN(a)
                : double.IsInfinity(e) ? e == a
                : !double.IsNaN(a) && Math.Abs(a - e) <= AbsoluteTolerance + (RelativeTolerance * Math.Abs(e));
            if (!ok)
            {
                bad++;
                first = first < 0 ? i : first;
            }
        }

        return bad == 0 ? null
            : string.Create(CultureInfo.InvariantCulture, $"{bad} of {expected.Length} elements differ beyond rtol {RelativeTolerance}/atol {AbsoluteTolerance}; first at {first}: expected {widen(expected[first]):R}, got {widen(actual[first]):R}");
    }

    private static string? Exact<T>(T[] expected, T[] actual)
    {
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < expected.Length; i++)
        {
            if (!comparer.Equals(expected[i], actual[i]))
            {
                return $"element {i}: expected {expected[i]}, got {actual[i]}";
            }
        }

        return null;
    }
}
