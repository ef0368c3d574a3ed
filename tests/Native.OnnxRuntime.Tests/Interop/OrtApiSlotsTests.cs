using System.Runtime.InteropServices;
using System.Text;
using HybridAI.Native.OnnxRuntime.Interop;

namespace HybridAI.Native.OnnxRuntime.Tests.Interop;

/// <summary>
/// One test per OrtApi slot the binding uses, calling it straight through the function table. Where two neighbouring
/// slots share a signature (input/output count, name, type info; the metadata strings) the test model gives each a
/// different answer, so a slot off by one fails here instead of crashing or silently swapping results elsewhere.
/// </summary>
public sealed unsafe class OrtApiSlotsTests
{
    [NativeFact]
    public void Slot_0_1_2_93_CreateStatus_GetErrorCode_GetErrorMessage_ReleaseStatus()
    {
        nint status;
        fixed (byte* message = "slot check\0"u8)
        {
            status = OrtApi.CreateStatus((int)OnnxErrorCode.InvalidProtobuf, message);
        }

        Assert.NotEqual(0, status);
        Assert.Equal((int)OnnxErrorCode.InvalidProtobuf, OrtApi.GetErrorCode(status));
        Assert.Equal("slot check", Marshal.PtrToStringUTF8((nint)OrtApi.GetErrorMessage(status)));
        OrtApi.ReleaseStatus(status);
    }

    [NativeFact]
    public void Slot_3_92_CreateEnv_returns_the_shared_env_and_ReleaseEnv_drops_the_extra_reference()
    {
        var shared = OrtEnvironment.Env;
        nint env;
        fixed (byte* id = "slots\0"u8)
        {
            OrtApi.Check(OrtApi.CreateEnv(3, id, &env));
        }

        Assert.Equal(shared, env);
        OrtApi.ReleaseEnv(env);
        using var session = OnnxSession.FromBytes(TestModels.WithMetadata());
        Assert.Single(session.Inputs);
    }

    [NativeFact(Needs = Models.SileroVad)]
    public void Slot_7_95_CreateSession_from_a_path_and_ReleaseSession()
    {
        var path = Encoding.UTF8.GetBytes(Models.Resolve(Models.SileroVad) + "\0");
        nint session;
        using var options = NewOptions();
        fixed (byte* file = path)
        {
            OrtApi.Check(OrtApi.CreateSession(OrtEnvironment.Env, file, options.DangerousGetHandle(), &session));
        }

        nuint inputs;
        OrtApi.Check(OrtApi.SessionGetInputCount(session, &inputs));
        Assert.Equal(3u, inputs);
        OrtApi.ReleaseSession(session);
    }

    [NativeFact]
    public void Slot_8_CreateSessionFromArray()
    {
        var session = Open(TestModels.Optionals());
        Assert.NotEqual(0, session);
        OrtApi.ReleaseSession(session);
    }

    [NativeFact]
    public void Slot_9_Run()
    {
        var session = Open(TestModels.WithMetadata());
        try
        {
            using var x = OnnxTensor.Create([1f, 2f, 3f], 1, 3);
            var inputName = Marshal.StringToCoTaskMemUTF8("X");
            var outputName = Marshal.StringToCoTaskMemUTF8("Y");
            var input = x.Handle.DangerousGetHandle();
            nint output = 0;
            OrtApi.Check(OrtApi.Run(session, 0, &inputName, &input, 1, &outputName, 1, &output));
            Marshal.FreeCoTaskMem(inputName);
            Marshal.FreeCoTaskMem(outputName);

            using var y = new OrtValueHandle(output);
            void* data;
            OrtApi.Check(OrtApi.GetTensorMutableData(output, &data));
            Assert.Equal([1f, 2f, 3f], new ReadOnlySpan<float>(data, 3).ToArray());
        }
        finally
        {
            OrtApi.ReleaseSession(session);
        }
    }

    [NativeFact]
    public void Slot_10_23_24_25_100_session_options_accept_their_settings()
    {
        nint options;
        OrtApi.Check(OrtApi.CreateSessionOptions(&options));
        OrtApi.Check(OrtApi.SetSessionGraphOptimizationLevel(options, (int)OnnxGraphOptimization.Extended));
        OrtApi.Check(OrtApi.SetIntraOpNumThreads(options, 2));
        OrtApi.Check(OrtApi.SetInterOpNumThreads(options, 1));
        var model = TestModels.WithMetadata();
        nint session;
        fixed (byte* bytes = model)
        {
            OrtApi.Check(OrtApi.CreateSessionFromArray(OrtEnvironment.Env, bytes, (nuint)model.Length, options, &session));
        }

        OrtApi.ReleaseSession(session);
        OrtApi.ReleaseSessionOptions(options);
    }

    [NativeFact]
    public void Slot_30_31_SessionGetInputCount_and_SessionGetOutputCount_differ_on_a_one_in_two_out_model()
    {
        var session = Open(TestModels.Optionals());
        nuint inputs, outputs;
        OrtApi.Check(OrtApi.SessionGetInputCount(session, &inputs));
        OrtApi.Check(OrtApi.SessionGetOutputCount(session, &outputs));
        OrtApi.ReleaseSession(session);

        Assert.Equal(1u, inputs);
        Assert.Equal(2u, outputs);
    }

    [NativeFact]
    public void Slot_33_34_56_98_type_infos_of_inputs_and_outputs()
    {
        var session = Open(TestModels.Optionals());
        nint inputInfo, outputInfo;
        OrtApi.Check(OrtApi.SessionGetInputTypeInfo(session, 0, &inputInfo));
        OrtApi.Check(OrtApi.SessionGetOutputTypeInfo(session, 0, &outputInfo));
        int inputKind, outputKind;
        OrtApi.Check(OrtApi.GetOnnxTypeFromTypeInfo(inputInfo, &inputKind));
        OrtApi.Check(OrtApi.GetOnnxTypeFromTypeInfo(outputInfo, &outputKind));
        OrtApi.ReleaseTypeInfo(inputInfo);
        OrtApi.ReleaseTypeInfo(outputInfo);
        OrtApi.ReleaseSession(session);

        Assert.Equal((int)OnnxValueKind.Tensor, inputKind);
        Assert.Equal((int)OnnxValueKind.Optional, outputKind);
    }

    [NativeFact]
    public void Slot_36_37_76_78_input_and_output_names_are_freed_with_the_default_allocator()
    {
        var session = Open(TestModels.Optionals());
        nint allocator, again;
        OrtApi.Check(OrtApi.GetAllocatorWithDefaultOptions(&allocator));
        OrtApi.Check(OrtApi.GetAllocatorWithDefaultOptions(&again));
        Assert.Equal(allocator, again);
        nint input, output;
        OrtApi.Check(OrtApi.SessionGetInputName(session, 0, allocator, &input));
        OrtApi.Check(OrtApi.SessionGetOutputName(session, 1, allocator, &output));

        Assert.Equal("X", Marshal.PtrToStringUTF8(input));
        Assert.Equal("W", Marshal.PtrToStringUTF8(output));
        OrtApi.Check(OrtApi.AllocatorFree(allocator, (void*)input));
        OrtApi.Check(OrtApi.AllocatorFree(allocator, (void*)output));
        OrtApi.ReleaseSession(session);
    }

    [NativeFact]
    public void Slot_39_46_47_97_run_options_terminate_and_unterminate()
    {
        nint options;
        OrtApi.Check(OrtApi.CreateRunOptions(&options));
        OrtApi.Check(OrtApi.RunOptionsSetTerminate(options));
        var session = Open(TestModels.WithMetadata());
        using var x = OnnxTensor.Create([1f, 2f, 3f], 1, 3);
        var inputName = Marshal.StringToCoTaskMemUTF8("X");
        var outputName = Marshal.StringToCoTaskMemUTF8("Y");
        var input = x.Handle.DangerousGetHandle();
        nint output = 0;

        var status = OrtApi.Run(session, options, &inputName, &input, 1, &outputName, 1, &output);
        Assert.Contains("terminate", OrtApi.TakeError(status).Message, StringComparison.OrdinalIgnoreCase);

        OrtApi.Check(OrtApi.RunOptionsUnsetTerminate(options));
        OrtApi.Check(OrtApi.Run(session, options, &inputName, &input, 1, &outputName, 1, &output));
        OrtApi.ReleaseValue(output);
        Marshal.FreeCoTaskMem(inputName);
        Marshal.FreeCoTaskMem(outputName);
        OrtApi.ReleaseRunOptions(options);
        OrtApi.ReleaseSession(session);
    }

    [NativeFact]
    public void Slot_48_64_65_99_CreateTensorAsOrtValue_allocates_the_shape_asked_for()
    {
        long* shape = stackalloc long[] { 2, 3 };
        nint value;
        OrtApi.Check(OrtApi.CreateTensorAsOrtValue(OrtEnvironment.Allocator, shape, 2, (int)OnnxElementType.Int32, &value));
        nint info;
        OrtApi.Check(OrtApi.GetTensorTypeAndShape(value, &info));
        nuint count;
        OrtApi.Check(OrtApi.GetTensorShapeElementCount(info, &count));
        OrtApi.ReleaseTensorTypeAndShapeInfo(info);
        OrtApi.ReleaseValue(value);

        Assert.Equal(6u, count);
    }

    [NativeFact]
    public void Slot_49_50_51_69_94_a_tensor_over_our_buffer_points_at_it()
    {
        nint memory;
        OrtApi.Check(OrtApi.CreateCpuMemoryInfo(1, 0, &memory));
        var data = new float[] { 1, 2, 3, 4 };
        long* shape = stackalloc long[] { 4 };
        fixed (float* start = data)
        {
            nint value;
            OrtApi.Check(OrtApi.CreateTensorWithDataAsOrtValue(memory, start, sizeof(float) * 4, shape, 1, (int)OnnxElementType.Float, &value));
            void* inside;
            OrtApi.Check(OrtApi.GetTensorMutableData(value, &inside));
            int isTensor;
            OrtApi.Check(OrtApi.IsTensor(value, &isTensor));
            OrtApi.ReleaseValue(value);

            Assert.Equal((nint)start, (nint)inside);
            Assert.Equal(1, isTensor);
        }

        OrtApi.ReleaseMemoryInfo(memory);
    }

    [NativeFact]
    public void Slot_52_53_54_string_tensor_fill_length_and_content()
    {
        using var tensor = OnnxTensor.CreateStrings(["ab", "cde"], 2);
        var value = tensor.Handle.DangerousGetHandle();
        nuint length;
        OrtApi.Check(OrtApi.GetStringTensorDataLength(value, &length));
        var text = stackalloc byte[(int)length];
        var offsets = stackalloc nuint[2];
        OrtApi.Check(OrtApi.GetStringTensorContent(value, text, length, offsets, 2));

        Assert.Equal(5u, length);
        Assert.Equal("abcde", Encoding.UTF8.GetString(text, 5));
        Assert.Equal(2u, offsets[1]);
    }

    [NativeFact]
    public void Slot_55_60_61_62_63_tensor_info_of_a_declared_input()
    {
        var session = Open(TestModels.WithMetadata());
        nint typeInfo;
        OrtApi.Check(OrtApi.SessionGetInputTypeInfo(session, 0, &typeInfo));
        nint tensorInfo;
        OrtApi.Check(OrtApi.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo));
        int elementType;
        OrtApi.Check(OrtApi.GetTensorElementType(tensorInfo, &elementType));
        nuint rank;
        OrtApi.Check(OrtApi.GetDimensionsCount(tensorInfo, &rank));
        var dims = stackalloc long[2];
        OrtApi.Check(OrtApi.GetDimensions(tensorInfo, dims, 2));
        var symbols = stackalloc byte*[2];
        OrtApi.Check(OrtApi.GetSymbolicDimensions(tensorInfo, symbols, 2));
        var symbol = Marshal.PtrToStringUTF8((nint)symbols[0]);
        OrtApi.ReleaseTypeInfo(typeInfo);
        OrtApi.ReleaseSession(session);

        Assert.Equal((int)OnnxElementType.Float, elementType);
        Assert.Equal(2u, rank);
        Assert.Equal(-1, dims[0]);
        Assert.Equal(3, dims[1]);
        Assert.Equal("batch", symbol);
    }

    [NativeFact]
    public void Slot_67_80_81_96_sequence_and_map_values_are_walked_with_GetValue()
    {
        using var session = OnnxSession.FromBytes(TestModels.ZipMap(stringLabels: false));
        using var x = OnnxTensor.Create([0.25f, 0.75f, 0.5f, 0.5f], 2, 2);
        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["X"] = x });
        var sequence = outputs[0].Handle.DangerousGetHandle();

        int kind;
        OrtApi.Check(OrtApi.GetValueType(sequence, &kind));
        nuint rows;
        OrtApi.Check(OrtApi.GetValueCount(sequence, &rows));
        nint map;
        OrtApi.Check(OrtApi.GetValue(sequence, 1, OrtEnvironment.Allocator, &map));
        int mapKind;
        OrtApi.Check(OrtApi.GetValueType(map, &mapKind));
        nuint mapParts;
        OrtApi.Check(OrtApi.GetValueCount(map, &mapParts));
        int isTensor;
        OrtApi.Check(OrtApi.IsTensor(map, &isTensor));
        OrtApi.ReleaseValue(map);

        Assert.Equal((int)OnnxValueKind.Sequence, kind);
        Assert.Equal(2u, rows);
        Assert.Equal((int)OnnxValueKind.Map, mapKind);
        Assert.Equal(2u, mapParts);
        Assert.Equal(0, isTensor);
    }

    [NativeFact]
    public void Slot_82_CreateValue_builds_a_sequence_from_tensor_values()
    {
        using var first = OnnxTensor.Create([1f, 2f], 2);
        using var second = OnnxTensor.Create([3f, 4f, 5f], 3);
        var values = stackalloc nint[] { first.Handle.DangerousGetHandle(), second.Handle.DangerousGetHandle() };
        nint sequence;
        OrtApi.Check(OrtApi.CreateValue(values, 2, (int)OnnxValueKind.Sequence, &sequence));
        int kind;
        OrtApi.Check(OrtApi.GetValueType(sequence, &kind));
        nuint count;
        OrtApi.Check(OrtApi.GetValueCount(sequence, &count));
        OrtApi.ReleaseValue(sequence);

        Assert.Equal((int)OnnxValueKind.Sequence, kind);
        Assert.Equal(2u, count);
    }

    [NativeFact]
    public void Slot_111_to_118_and_123_metadata_fields_each_come_from_their_own_slot()
    {
        var session = Open(TestModels.WithMetadata());
        nint metadata;
        OrtApi.Check(OrtApi.SessionGetModelMetadata(session, &metadata));
        var allocator = OrtEnvironment.Allocator;
        byte* text;
        OrtApi.Check(OrtApi.ModelMetadataGetProducerName(metadata, allocator, &text));
        var producer = OrtApi.TakeString(text);
        OrtApi.Check(OrtApi.ModelMetadataGetGraphName(metadata, allocator, &text));
        var graph = OrtApi.TakeString(text);
        OrtApi.Check(OrtApi.ModelMetadataGetDomain(metadata, allocator, &text));
        var domain = OrtApi.TakeString(text);
        OrtApi.Check(OrtApi.ModelMetadataGetDescription(metadata, allocator, &text));
        var description = OrtApi.TakeString(text);
        fixed (byte* key = "owner\0"u8)
        {
            OrtApi.Check(OrtApi.ModelMetadataLookupCustomMetadataMap(metadata, allocator, key, &text));
        }

        var owner = OrtApi.TakeString(text);
        long version;
        OrtApi.Check(OrtApi.ModelMetadataGetVersion(metadata, &version));
        byte** keys;
        long count;
        OrtApi.Check(OrtApi.ModelMetadataGetCustomMetadataMapKeys(metadata, allocator, &keys, &count));
        for (var i = 0; i < count; i++)
        {
            OrtApi.Check(OrtApi.AllocatorFree(allocator, keys[i]));
        }

        OrtApi.Check(OrtApi.AllocatorFree(allocator, keys));
        OrtApi.ReleaseModelMetadata(metadata);
        OrtApi.ReleaseSession(session);

        Assert.Equal("hybridai-tests", producer);
        Assert.Equal("described_graph", graph);
        Assert.Equal("ai.hybrid.tests", domain);
        Assert.Equal("A model that copies its input.", description);
        Assert.Equal("platform-team", owner);
        Assert.Equal(7, version);
        Assert.Equal(2, count);
    }

    [NativeFact]
    public void Slot_192_HasValue_tells_None_from_a_value()
    {
        var session = Open(TestModels.Optionals());
        using var x = OnnxTensor.Create([1f, 2f], 2);
        var inputName = Marshal.StringToCoTaskMemUTF8("X");
        var names = stackalloc nint[] { Marshal.StringToCoTaskMemUTF8("Y"), Marshal.StringToCoTaskMemUTF8("W") };
        var input = x.Handle.DangerousGetHandle();
        var outputs = stackalloc nint[2];
        OrtApi.Check(OrtApi.Run(session, 0, &inputName, &input, 1, names, 2, outputs));
        int none, some;
        OrtApi.Check(OrtApi.HasValue(outputs[0], &none));
        OrtApi.Check(OrtApi.HasValue(outputs[1], &some));
        OrtApi.ReleaseValue(outputs[0]);
        OrtApi.ReleaseValue(outputs[1]);
        Marshal.FreeCoTaskMem(inputName);
        Marshal.FreeCoTaskMem(names[0]);
        Marshal.FreeCoTaskMem(names[1]);
        OrtApi.ReleaseSession(session);

        Assert.Equal(0, none);
        Assert.Equal(1, some);
    }

    [Fact]
    public void Every_slot_constant_is_distinct()
    {
        var slots = typeof(OrtApiSlots).GetFields().Select(f => (int)f.GetRawConstantValue()!).ToArray();
        Assert.Equal(slots.Length, slots.Distinct().Count());
    }

    private static nint Open(byte[] model)
    {
        using var options = NewOptions();
        nint session;
        fixed (byte* bytes = model)
        {
            OrtApi.Check(OrtApi.CreateSessionFromArray(OrtEnvironment.Env, bytes, (nuint)model.Length, options.DangerousGetHandle(), &session));
        }

        return session;
    }

    private static OrtSessionOptionsHandle NewOptions()
    {
        nint options;
        OrtApi.Check(OrtApi.CreateSessionOptions(&options));
        return new OrtSessionOptionsHandle(options);
    }
}
