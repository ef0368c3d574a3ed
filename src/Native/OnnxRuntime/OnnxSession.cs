using System.Buffers;
using System.Runtime.InteropServices;
using HybridAI.Native.OnnxRuntime.Interop;

namespace HybridAI.Native.OnnxRuntime;

/// <summary>
/// A loaded ONNX model. <see cref="Run(IReadOnlyDictionary{string, OnnxTensor}, IReadOnlyList{string}?, CancellationToken)"/> may be called from many threads at once on one session.
/// </summary>
/// <example>
/// <code>
/// using var session = OnnxSession.FromFile("silero_vad.onnx");
/// using var audio = OnnxTensor.Create(new float[512], 1, 512);
/// using var state = OnnxTensor.Create(new float[2 * 128], 2, 1, 128);
/// using var rate = OnnxTensor.Scalar(16000L);
/// using var outputs = session.Run(new Dictionary&lt;string, OnnxTensor&gt; { ["input"] = audio, ["state"] = state, ["sr"] = rate });
/// float speech = outputs["output"].ToArray&lt;float&gt;()[0];
/// </code>
/// </example>
public sealed unsafe class OnnxSession : IDisposable
{
    private const int StackSlots = 64;

    private readonly OrtSessionHandle _handle;
    private readonly Dictionary<string, int> _inputIndex;
    private readonly Dictionary<string, int> _outputIndex;
    private readonly string[] _outputNames;

    private OnnxSession(OrtSessionHandle handle)
    {
        _handle = handle;
        var raw = handle.DangerousGetHandle();
        (Inputs, handle.InputNames) = Describe(raw, input: true);
        (Outputs, handle.OutputNames) = Describe(raw, input: false);
        _inputIndex = Index(Inputs);
        _outputIndex = Index(Outputs);
        _outputNames = [.. Outputs.Select(o => o.Name)];
        Metadata = ReadMetadata(raw);
    }

    /// <summary>The model's inputs, in declaration order.</summary>
    public IReadOnlyList<OnnxValueInfo> Inputs { get; }

    /// <summary>The model's outputs, in declaration order.</summary>
    public IReadOnlyList<OnnxValueInfo> Outputs { get; }

    /// <summary>Producer, graph name, domain, description, version and custom metadata.</summary>
    public OnnxModelMetadata Metadata { get; }

    /// <summary>Loads a model file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    /// <exception cref="OnnxRuntimeException">ORT could not load it (corrupt, truncated, unsupported); the message names the file.</exception>
    public static OnnxSession FromFile(string path, OnnxSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"ONNX model file not found: '{full}'.", full);
        }

        using var sessionOptions = CreateOptions(options);
        var utf8 = OrtEnvironment.Utf8z(full);
        nint raw;
        nint status;
        fixed (byte* file = utf8)
        {
            status = OrtApi.CreateSession(OrtEnvironment.Env, file, sessionOptions.DangerousGetHandle(), &raw);
        }

        if (status != 0)
        {
            throw OrtApi.TakeError(status, $"Could not load ONNX model '{full}'");
        }

        return Open(raw);
    }

    /// <summary>Loads a model from its bytes (ORT copies what it needs).</summary>
    /// <exception cref="OnnxRuntimeException">The bytes are not a loadable model.</exception>
    public static OnnxSession FromBytes(ReadOnlySpan<byte> model, OnnxSessionOptions? options = null)
    {
        using var sessionOptions = CreateOptions(options);
        nint raw;
        nint status;
        byte empty = 0;
        fixed (byte* bytes = model)
        {
            status = OrtApi.CreateSessionFromArray(OrtEnvironment.Env, model.IsEmpty ? &empty : bytes, (nuint)model.Length, sessionOptions.DangerousGetHandle(), &raw);
        }

        if (status != 0)
        {
            throw OrtApi.TakeError(status, $"Could not load ONNX model from {model.Length} bytes");
        }

        return Open(raw);
    }

    /// <summary>
    /// Runs the model. Inputs are matched by name; outputs are returned in the order of <paramref name="outputNames"/>
    /// (all outputs in declaration order when null). Batches are just tensors whose first dimension is the batch size.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">ORT rejected the inputs (unknown name, wrong element type or shape) or failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; ORT stops the run at its next check.</exception>
    public OnnxRunResult Run(IReadOnlyDictionary<string, OnnxTensor> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default) =>
        RunCore(inputs, outputNames, null, cancellationToken);

    /// <summary>
    /// Runs the model on values of any kind: tensors (<see cref="OnnxValue.FromTensor"/>) and sequences of tensors
    /// (<see cref="OnnxValue.CreateSequence"/>). An optional input takes its value directly; leave a None optional out.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">ORT rejected the inputs (unknown name, wrong type or shape) or failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; ORT stops the run at its next check.</exception>
    public OnnxRunResult Run(IReadOnlyDictionary<string, OnnxValue> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default) =>
        RunCore(inputs, outputNames, null, cancellationToken);

    /// <summary>Releases the session (after any run still in flight on another thread).</summary>
    public void Dispose() => _handle.Dispose();

    internal OnnxRunResult RunCore<TInput>(IReadOnlyDictionary<string, TInput> inputs, IReadOnlyList<string>? outputNames, OrtRunOptionsHandle? presetOptions, CancellationToken cancellationToken)
        where TInput : class, IOrtValueSource
    {
        ArgumentNullException.ThrowIfNull(inputs);
        cancellationToken.ThrowIfCancellationRequested();
        var inputCount = inputs.Count;
        var names = outputNames ?? _outputNames;
        var outputCount = names.Count;
        var slots = (2 * inputCount) + (2 * outputCount);
        nint[]? rented = null;
        var buffer = slots <= StackSlots ? stackalloc nint[StackSlots] : (rented = ArrayPool<nint>.Shared.Rent(slots));
        buffer = buffer[..slots];
        buffer.Clear();
        var inputNames = buffer[..inputCount];
        var inputValues = buffer.Slice(inputCount, inputCount);
        var wantedNames = buffer.Slice(2 * inputCount, outputCount);
        var outputValues = buffer.Slice((2 * inputCount) + outputCount, outputCount);

        List<nint>? temporary = null;
        var added = false;
        var runOptions = presetOptions;
        CancellationTokenRegistration registration = default;
        try
        {
            _handle.DangerousAddRef(ref added);
            var i = 0;
            if (inputs is Dictionary<string, TInput> dictionary)
            {
                foreach (var (name, tensor) in dictionary)
                {
                    inputNames[i] = NameOf(name, _inputIndex, _handle.InputNames, ref temporary);
                    inputValues[i++] = ValueOf(name, tensor);
                }
            }
            else
            {
                foreach (var (name, tensor) in inputs)
                {
                    inputNames[i] = NameOf(name, _inputIndex, _handle.InputNames, ref temporary);
                    inputValues[i++] = ValueOf(name, tensor);
                }
            }

            for (var o = 0; o < outputCount; o++)
            {
                wantedNames[o] = NameOf(names[o], _outputIndex, _handle.OutputNames, ref temporary);
            }

            if (runOptions is null && cancellationToken.CanBeCanceled)
            {
                runOptions = OrtRunOptionsHandle.Create();
                registration = cancellationToken.UnsafeRegister(static state => ((OrtRunOptionsHandle)state!).Terminate(), runOptions);
            }

            nint status;
            fixed (nint* slot = buffer)
            {
                status = OrtApi.Run(
                    _handle.DangerousGetHandle(), runOptions?.DangerousGetHandle() ?? 0,
                    slot, slot + inputCount, (nuint)inputCount,
                    slot + (2 * inputCount), (nuint)outputCount, slot + (2 * inputCount) + outputCount);
            }

            registration.Dispose();
            if (status != 0)
            {
                var error = OrtApi.TakeError(status);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException("The ONNX Runtime run was cancelled.", error, cancellationToken);
                }

                throw error;
            }

            return Collect(names, outputValues);
        }
        finally
        {
            registration.Dispose();
            if (!ReferenceEquals(runOptions, presetOptions))
            {
                runOptions?.Dispose();
            }

            if (added)
            {
                _handle.DangerousRelease();
            }

            if (temporary is not null)
            {
                temporary.ForEach(Marshal.FreeCoTaskMem);
            }

            if (rented is not null)
            {
                ArrayPool<nint>.Shared.Return(rented);
            }

            GC.KeepAlive(inputs);
        }
    }

    private static OnnxRunResult Collect(IReadOnlyList<string> names, Span<nint> outputs)
    {
        // Own every output first, so none leaks if reading one of them fails.
        var handles = new OrtValueHandle[outputs.Length];
        for (var o = 0; o < outputs.Length; o++)
        {
            handles[o] = new OrtValueHandle(outputs[o]);
        }

        var values = new OnnxValue[outputs.Length];
        var done = 0;
        try
        {
            for (; done < handles.Length; done++)
            {
                values[done] = OnnxValue.FromOwned(handles[done]);
            }
        }
        catch
        {
            for (var o = 0; o < handles.Length; o++)
            {
                handles[o].Dispose();
            }

            throw;
        }

        return new OnnxRunResult(names, values);
    }

    /// <summary>The cached UTF-8 name for a known name; an unknown one is marshalled so ORT itself reports it.</summary>
    private static nint NameOf(string name, Dictionary<string, int> index, nint[] natives, ref List<nint>? temporary)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (index.TryGetValue(name, out var at))
        {
            return natives[at];
        }

        var copy = Marshal.StringToCoTaskMemUTF8(name);
        (temporary ??= []).Add(copy);
        return copy;
    }

    private static nint ValueOf<TInput>(string name, TInput? input)
        where TInput : class, IOrtValueSource =>
        input is null ? throw new ArgumentException($"Input '{name}' is null.", nameof(input)) : input.Value;

    private static OnnxSession Open(nint raw)
    {
        var handle = new OrtSessionHandle(raw);
        try
        {
            return new OnnxSession(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static OrtSessionOptionsHandle CreateOptions(OnnxSessionOptions? options)
    {
        options ??= new OnnxSessionOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.IntraOpThreads, nameof(options.IntraOpThreads));
        ArgumentOutOfRangeException.ThrowIfNegative(options.InterOpThreads, nameof(options.InterOpThreads));
        if (!Enum.IsDefined(options.GraphOptimization))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.GraphOptimization, "GraphOptimization must be Disabled, Basic, Extended or All.");
        }

        _ = OrtEnvironment.Env;
        nint raw;
        OrtApi.Check(OrtApi.CreateSessionOptions(&raw));
        var handle = new OrtSessionOptionsHandle(raw);
        try
        {
            OrtApi.Check(OrtApi.SetIntraOpNumThreads(raw, options.IntraOpThreads));
            OrtApi.Check(OrtApi.SetInterOpNumThreads(raw, options.InterOpThreads));
            OrtApi.Check(OrtApi.SetSessionGraphOptimizationLevel(raw, (int)options.GraphOptimization));
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static (OnnxValueInfo[] Infos, nint[] Names) Describe(nint session, bool input)
    {
        nuint count;
        OrtApi.Check(input ? OrtApi.SessionGetInputCount(session, &count) : OrtApi.SessionGetOutputCount(session, &count));
        var infos = new OnnxValueInfo[(int)count];
        var names = new nint[(int)count];
        try
        {
            for (var i = 0; i < infos.Length; i++)
            {
                byte* name;
                OrtApi.Check(input
                    ? OrtApi.SessionGetInputName(session, (nuint)i, OrtEnvironment.Allocator, (nint*)&name)
                    : OrtApi.SessionGetOutputName(session, (nuint)i, OrtEnvironment.Allocator, (nint*)&name));
                names[i] = (nint)name;
                nint typeInfo;
                OrtApi.Check(input
                    ? OrtApi.SessionGetInputTypeInfo(session, (nuint)i, &typeInfo)
                    : OrtApi.SessionGetOutputTypeInfo(session, (nuint)i, &typeInfo));
                try
                {
                    infos[i] = DescribeType(Marshal.PtrToStringUTF8((nint)name) ?? "", typeInfo);
                }
                finally
                {
                    OrtApi.ReleaseTypeInfo(typeInfo);
                }
            }
        }
        catch
        {
            foreach (var name in names)
            {
                if (name != 0)
                {
                    _ = OrtApi.AllocatorFree(OrtEnvironment.Allocator, (void*)name);
                }
            }

            throw;
        }

        return (infos, names);
    }

    private static OnnxValueInfo DescribeType(string name, nint typeInfo)
    {
        int onnxType;
        OrtApi.Check(OrtApi.GetOnnxTypeFromTypeInfo(typeInfo, &onnxType));
        var kind = (OnnxValueKind)onnxType;
        if (kind is OnnxValueKind.Tensor or OnnxValueKind.SparseTensor)
        {
            nint tensorInfo;
            OrtApi.Check(OrtApi.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo));
            if (tensorInfo != 0)
            {
                var (type, shape) = TensorInfo.Read(tensorInfo);
                return new OnnxValueInfo(name, kind, type, shape, TensorInfo.SymbolicDimensions(tensorInfo, shape.Length));
            }
        }

        return new OnnxValueInfo(name, kind, OnnxElementType.Undefined, [], []);
    }

    private static Dictionary<string, int> Index(IReadOnlyList<OnnxValueInfo> infos)
    {
        var index = new Dictionary<string, int>(infos.Count, StringComparer.Ordinal);
        for (var i = 0; i < infos.Count; i++)
        {
            index[infos[i].Name] = i;
        }

        return index;
    }

    private static OnnxModelMetadata ReadMetadata(nint session)
    {
        nint metadata;
        OrtApi.Check(OrtApi.SessionGetModelMetadata(session, &metadata));
        try
        {
            var allocator = OrtEnvironment.Allocator;
            byte* text;
            OrtApi.Check(OrtApi.ModelMetadataGetProducerName(metadata, allocator, &text));
            var producer = OrtApi.TakeString(text) ?? "";
            OrtApi.Check(OrtApi.ModelMetadataGetGraphName(metadata, allocator, &text));
            var graph = OrtApi.TakeString(text) ?? "";
            OrtApi.Check(OrtApi.ModelMetadataGetDomain(metadata, allocator, &text));
            var domain = OrtApi.TakeString(text) ?? "";
            OrtApi.Check(OrtApi.ModelMetadataGetDescription(metadata, allocator, &text));
            var description = OrtApi.TakeString(text) ?? "";
            long version;
            OrtApi.Check(OrtApi.ModelMetadataGetVersion(metadata, &version));
            return new OnnxModelMetadata(producer, graph, domain, description, version, ReadCustom(metadata, allocator));
        }
        finally
        {
            OrtApi.ReleaseModelMetadata(metadata);
        }
    }

    private static Dictionary<string, string> ReadCustom(nint metadata, nint allocator)
    {
        byte** keys;
        long count;
        OrtApi.Check(OrtApi.ModelMetadataGetCustomMetadataMapKeys(metadata, allocator, &keys, &count));
        var custom = new Dictionary<string, string>((int)count, StringComparer.Ordinal);
        if (keys == null)
        {
            return custom;
        }

        try
        {
            for (var i = 0; i < count; i++)
            {
                byte* value;
                OrtApi.Check(OrtApi.ModelMetadataLookupCustomMetadataMap(metadata, allocator, keys[i], &value));
                custom[Marshal.PtrToStringUTF8((nint)keys[i]) ?? ""] = OrtApi.TakeString(value) ?? "";
            }
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                _ = OrtApi.AllocatorFree(allocator, keys[i]);
            }

            _ = OrtApi.AllocatorFree(allocator, keys);
        }

        return custom;
    }
}
