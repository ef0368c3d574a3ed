using HybridAI.Native.OnnxRuntime.Interop;

namespace HybridAI.Native.OnnxRuntime;

/// <summary>
/// A model output: a tensor, a sequence of values, a map, or an optional that is None (<see cref="HasValue"/> false).
/// </summary>
/// <example>
/// <code>
/// // scikit-learn classifiers exported with a ZipMap return a sequence of maps, one per row:
/// foreach (var row in outputs["output_probability"].Elements)
///     Console.WriteLine(row.ToDictionary&lt;long, float&gt;()[1]);
/// </code>
/// </example>
public sealed class OnnxValue : IDisposable, IOrtValueSource
{
    private readonly OrtValueHandle _handle;
    private readonly OnnxTensor? _tensor;
    private readonly OnnxValue[] _elements;
    private readonly OnnxTensor? _keys;
    private readonly OnnxTensor? _values;
    private OnnxTensor[] _owned = [];

    private OnnxValue(OrtValueHandle handle, OnnxValueKind kind, bool hasValue, OnnxTensor? tensor = null, OnnxValue[]? elements = null, OnnxTensor? keys = null, OnnxTensor? values = null)
    {
        _handle = handle;
        Kind = kind;
        HasValue = hasValue;
        _tensor = tensor;
        _elements = elements ?? [];
        _keys = keys;
        _values = values;
    }

    internal OrtValueHandle Handle => _handle;

    /// <summary>Tensor, sequence or map; <see cref="OnnxValueKind.Optional"/> when the value is None.</summary>
    public OnnxValueKind Kind { get; }

    /// <summary>False when an optional output is None.</summary>
    public bool HasValue { get; }

    /// <summary>The elements of a sequence (empty for other kinds).</summary>
    public IReadOnlyList<OnnxValue> Elements => Kind == OnnxValueKind.Sequence ? _elements : throw NotA(OnnxValueKind.Sequence);

    /// <summary>The keys of a map, as a 1-D tensor (int64 or string).</summary>
    public OnnxTensor MapKeys => _keys ?? throw NotA(OnnxValueKind.Map);

    /// <summary>The values of a map, as a 1-D tensor aligned with <see cref="MapKeys"/>.</summary>
    public OnnxTensor MapValues => _values ?? throw NotA(OnnxValueKind.Map);

    /// <summary>The tensor this value holds.</summary>
    /// <exception cref="InvalidOperationException">It is not a tensor (or is None).</exception>
    public OnnxTensor AsTensor() => _tensor ?? throw NotA(OnnxValueKind.Tensor);

    /// <summary>Shorthand for <c>AsTensor().ToArray&lt;T&gt;()</c>.</summary>
    public T[] ToArray<T>() => AsTensor().ToArray<T>();

    /// <summary>A map's entries; <typeparamref name="TKey"/> is long or string, <typeparamref name="TValue"/> the value element type.</summary>
    public IReadOnlyDictionary<TKey, TValue> ToDictionary<TKey, TValue>()
        where TKey : notnull
    {
        var keys = MapKeys.ToArray<TKey>();
        var values = MapValues.ToArray<TValue>();
        var result = new Dictionary<TKey, TValue>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            result[keys[i]] = values[i];
        }

        return result;
    }

    nint IOrtValueSource.Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle.DangerousGetHandle();
        }
    }

    /// <summary>Wraps a tensor as a value to pass to <see cref="OnnxSession.Run(IReadOnlyDictionary{string, OnnxValue}, IReadOnlyList{string}?, CancellationToken)"/>; the value takes ownership of the tensor.</summary>
    public static OnnxValue FromTensor(OnnxTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new OnnxValue(tensor.Handle, OnnxValueKind.Tensor, true, tensor: tensor);
    }

    /// <summary>
    /// A sequence of tensors (ONNX <c>seq(tensor(T))</c>), all of one element type. The value takes ownership of the
    /// tensors: disposing it disposes them. ORT cannot build an empty sequence this way.
    /// </summary>
    /// <exception cref="ArgumentException">No tensors, a null one, or mixed element types.</exception>
    /// <exception cref="OnnxRuntimeException">ORT rejected the sequence.</exception>
    public static unsafe OnnxValue CreateSequence(IReadOnlyList<OnnxTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("A sequence needs at least one tensor; ONNX Runtime cannot create an empty one from values.", nameof(tensors));
        }

        var pointers = new nint[tensors.Count];
        for (var i = 0; i < pointers.Length; i++)
        {
            var tensor = tensors[i] ?? throw new ArgumentException($"Tensor {i} of the sequence is null.", nameof(tensors));
            if (tensor.ElementType != tensors[0].ElementType)
            {
                throw new ArgumentException($"Tensor {i} holds {tensor.ElementType} elements but tensor 0 holds {tensors[0].ElementType}; a sequence has one element type.", nameof(tensors));
            }

            pointers[i] = ((IOrtValueSource)tensor).Value;
        }

        nint raw;
        fixed (nint* values = pointers)
        {
            OrtApi.Check(OrtApi.CreateValue(values, (nuint)pointers.Length, (int)OnnxValueKind.Sequence, &raw));
        }

        GC.KeepAlive(tensors);
        var sequence = FromOwned(new OrtValueHandle(raw));
        sequence._owned = [.. tensors];
        return sequence;
    }

    /// <summary>An empty sequence of tensors of <paramref name="elementType"/> (ONNX <c>seq(tensor(T))</c> with no elements).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a tensor element type the binding supports.</exception>
    public static OnnxValue CreateEmptySequence(OnnxElementType elementType) => EmptySequences.Create(elementType);

    /// <summary>Releases this value and everything it holds.</summary>
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        foreach (var element in _elements)
        {
            element.Dispose();
        }

        _keys?.Dispose();
        _values?.Dispose();
        _tensor?.Dispose();
        _handle.Dispose();
    }

    /// <summary>Takes ownership of an OrtValue that ORT returned.</summary>
    internal static unsafe OnnxValue FromOwned(OrtValueHandle handle)
    {
        var raw = handle.DangerousGetHandle();
        List<OnnxValue>? elements = null;
        OnnxTensor? keys = null;
        OnnxTensor? values = null;
        try
        {
            int has;
            OrtApi.Check(OrtApi.HasValue(raw, &has));
            if (has == 0)
            {
                return new OnnxValue(handle, OnnxValueKind.Optional, hasValue: false);
            }

            int type;
            OrtApi.Check(OrtApi.GetValueType(raw, &type));
            var kind = (OnnxValueKind)type;
            switch (kind)
            {
                case OnnxValueKind.Tensor:
                    return new OnnxValue(handle, kind, true, tensor: OnnxTensor.FromOwned(handle));
                case OnnxValueKind.Sequence:
                    nuint count;
                    OrtApi.Check(OrtApi.GetValueCount(raw, &count));
                    elements = new List<OnnxValue>((int)count);
                    for (var i = 0; i < (int)count; i++)
                    {
                        elements.Add(FromOwned(Child(raw, i)));
                    }

                    return new OnnxValue(handle, kind, true, elements: [.. elements]);
                case OnnxValueKind.Map:
                    keys = OnnxTensor.FromOwned(Child(raw, 0));
                    values = OnnxTensor.FromOwned(Child(raw, 1));
                    return new OnnxValue(handle, kind, true, keys: keys, values: values);
                default:
                    return new OnnxValue(handle, kind, true);
            }
        }
        catch
        {
            elements?.ForEach(e => e.Dispose());
            keys?.Dispose();
            values?.Dispose();
            handle.Dispose();
            throw;
        }
    }

    private static unsafe OrtValueHandle Child(nint parent, int index)
    {
        nint child;
        OrtApi.Check(OrtApi.GetValue(parent, index, OrtEnvironment.Allocator, &child));
        return new OrtValueHandle(child);
    }

    private InvalidOperationException NotA(OnnxValueKind wanted) =>
        new(HasValue ? $"This value is a {Kind}, not a {wanted}." : $"This optional value is None, not a {wanted}.");
}
