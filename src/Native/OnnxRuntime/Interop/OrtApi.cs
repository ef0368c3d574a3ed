using System.Runtime.InteropServices;

namespace HybridAI.Native.OnnxRuntime.Interop;

/// <summary>
/// The OrtApi function table, read once into typed function pointers (no delegates, no marshalling stubs).
/// Every pointer argument is an <see cref="nint"/>; the slot constants say what each one is.
/// </summary>
internal static unsafe class OrtApi
{
    private static readonly nint* Table = (nint*)OnnxRuntimeLibrary.ApiTable;

    internal static nint Slot(int index) => Table[index];

    public static readonly delegate* unmanaged<int, byte*, nint> CreateStatus = (delegate* unmanaged<int, byte*, nint>)Table[OrtApiSlots.CreateStatus];
    public static readonly delegate* unmanaged<nint, int> GetErrorCode = (delegate* unmanaged<nint, int>)Table[OrtApiSlots.GetErrorCode];
    public static readonly delegate* unmanaged<nint, byte*> GetErrorMessage = (delegate* unmanaged<nint, byte*>)Table[OrtApiSlots.GetErrorMessage];
    public static readonly delegate* unmanaged<int, byte*, nint*, nint> CreateEnv = (delegate* unmanaged<int, byte*, nint*, nint>)Table[OrtApiSlots.CreateEnv];
    public static readonly delegate* unmanaged<nint, byte*, nint, nint*, nint> CreateSession = (delegate* unmanaged<nint, byte*, nint, nint*, nint>)Table[OrtApiSlots.CreateSession];
    public static readonly delegate* unmanaged<nint, byte*, nuint, nint, nint*, nint> CreateSessionFromArray = (delegate* unmanaged<nint, byte*, nuint, nint, nint*, nint>)Table[OrtApiSlots.CreateSessionFromArray];
    public static readonly delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run = (delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)Table[OrtApiSlots.Run];
    public static readonly delegate* unmanaged<nint*, nint> CreateSessionOptions = (delegate* unmanaged<nint*, nint>)Table[OrtApiSlots.CreateSessionOptions];
    public static readonly delegate* unmanaged<nint, int, nint> SetSessionGraphOptimizationLevel = (delegate* unmanaged<nint, int, nint>)Table[OrtApiSlots.SetSessionGraphOptimizationLevel];
    public static readonly delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads = (delegate* unmanaged<nint, int, nint>)Table[OrtApiSlots.SetIntraOpNumThreads];
    public static readonly delegate* unmanaged<nint, int, nint> SetInterOpNumThreads = (delegate* unmanaged<nint, int, nint>)Table[OrtApiSlots.SetInterOpNumThreads];
    public static readonly delegate* unmanaged<nint, nuint*, nint> SessionGetInputCount = (delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiSlots.SessionGetInputCount];
    public static readonly delegate* unmanaged<nint, nuint*, nint> SessionGetOutputCount = (delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiSlots.SessionGetOutputCount];
    public static readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetInputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)Table[OrtApiSlots.SessionGetInputTypeInfo];
    public static readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetOutputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)Table[OrtApiSlots.SessionGetOutputTypeInfo];
    public static readonly delegate* unmanaged<nint, nuint, nint, nint*, nint> SessionGetInputName = (delegate* unmanaged<nint, nuint, nint, nint*, nint>)Table[OrtApiSlots.SessionGetInputName];
    public static readonly delegate* unmanaged<nint, nuint, nint, nint*, nint> SessionGetOutputName = (delegate* unmanaged<nint, nuint, nint, nint*, nint>)Table[OrtApiSlots.SessionGetOutputName];
    public static readonly delegate* unmanaged<nint*, nint> CreateRunOptions = (delegate* unmanaged<nint*, nint>)Table[OrtApiSlots.CreateRunOptions];
    public static readonly delegate* unmanaged<nint, nint> RunOptionsSetTerminate = (delegate* unmanaged<nint, nint>)Table[OrtApiSlots.RunOptionsSetTerminate];
    public static readonly delegate* unmanaged<nint, nint> RunOptionsUnsetTerminate = (delegate* unmanaged<nint, nint>)Table[OrtApiSlots.RunOptionsUnsetTerminate];
    public static readonly delegate* unmanaged<nint, long*, nuint, int, nint*, nint> CreateTensorAsOrtValue = (delegate* unmanaged<nint, long*, nuint, int, nint*, nint>)Table[OrtApiSlots.CreateTensorAsOrtValue];
    public static readonly delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue = (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)Table[OrtApiSlots.CreateTensorWithDataAsOrtValue];
    public static readonly delegate* unmanaged<nint, int*, nint> IsTensor = (delegate* unmanaged<nint, int*, nint>)Table[OrtApiSlots.IsTensor];
    public static readonly delegate* unmanaged<nint, void**, nint> GetTensorMutableData = (delegate* unmanaged<nint, void**, nint>)Table[OrtApiSlots.GetTensorMutableData];
    public static readonly delegate* unmanaged<nint, byte**, nuint, nint> FillStringTensor = (delegate* unmanaged<nint, byte**, nuint, nint>)Table[OrtApiSlots.FillStringTensor];
    public static readonly delegate* unmanaged<nint, nuint*, nint> GetStringTensorDataLength = (delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiSlots.GetStringTensorDataLength];
    public static readonly delegate* unmanaged<nint, byte*, nuint, nuint*, nuint, nint> GetStringTensorContent = (delegate* unmanaged<nint, byte*, nuint, nuint*, nuint, nint>)Table[OrtApiSlots.GetStringTensorContent];
    public static readonly delegate* unmanaged<nint, nint*, nint> CastTypeInfoToTensorInfo = (delegate* unmanaged<nint, nint*, nint>)Table[OrtApiSlots.CastTypeInfoToTensorInfo];
    public static readonly delegate* unmanaged<nint, int*, nint> GetOnnxTypeFromTypeInfo = (delegate* unmanaged<nint, int*, nint>)Table[OrtApiSlots.GetOnnxTypeFromTypeInfo];
    public static readonly delegate* unmanaged<nint, int*, nint> GetTensorElementType = (delegate* unmanaged<nint, int*, nint>)Table[OrtApiSlots.GetTensorElementType];
    public static readonly delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount = (delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiSlots.GetDimensionsCount];
    public static readonly delegate* unmanaged<nint, long*, nuint, nint> GetDimensions = (delegate* unmanaged<nint, long*, nuint, nint>)Table[OrtApiSlots.GetDimensions];
    public static readonly delegate* unmanaged<nint, byte**, nuint, nint> GetSymbolicDimensions = (delegate* unmanaged<nint, byte**, nuint, nint>)Table[OrtApiSlots.GetSymbolicDimensions];
    public static readonly delegate* unmanaged<nint, nuint*, nint> GetTensorShapeElementCount = (delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiSlots.GetTensorShapeElementCount];
    public static readonly delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape = (delegate* unmanaged<nint, nint*, nint>)Table[OrtApiSlots.GetTensorTypeAndShape];
    public static readonly delegate* unmanaged<nint, int*, nint> GetValueType = (delegate* unmanaged<nint, int*, nint>)Table[OrtApiSlots.GetValueType];
    public static readonly delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo = (delegate* unmanaged<int, int, nint*, nint>)Table[OrtApiSlots.CreateCpuMemoryInfo];
    public static readonly delegate* unmanaged<nint, void*, nint> AllocatorFree = (delegate* unmanaged<nint, void*, nint>)Table[OrtApiSlots.AllocatorFree];
    public static readonly delegate* unmanaged<nint*, nint> GetAllocatorWithDefaultOptions = (delegate* unmanaged<nint*, nint>)Table[OrtApiSlots.GetAllocatorWithDefaultOptions];
    public static readonly delegate* unmanaged<nint, int, nint, nint*, nint> GetValue = (delegate* unmanaged<nint, int, nint, nint*, nint>)Table[OrtApiSlots.GetValue];
    public static readonly delegate* unmanaged<nint, nuint*, nint> GetValueCount = (delegate* unmanaged<nint, nuint*, nint>)Table[OrtApiSlots.GetValueCount];
    public static readonly delegate* unmanaged<nint*, nuint, int, nint*, nint> CreateValue = (delegate* unmanaged<nint*, nuint, int, nint*, nint>)Table[OrtApiSlots.CreateValue];
    public static readonly delegate* unmanaged<nint, void> ReleaseEnv = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseEnv];
    public static readonly delegate* unmanaged<nint, void> ReleaseStatus = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseStatus];
    public static readonly delegate* unmanaged<nint, void> ReleaseMemoryInfo = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseMemoryInfo];
    public static readonly delegate* unmanaged<nint, void> ReleaseSession = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseSession];
    public static readonly delegate* unmanaged<nint, void> ReleaseValue = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseValue];
    public static readonly delegate* unmanaged<nint, void> ReleaseRunOptions = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseRunOptions];
    public static readonly delegate* unmanaged<nint, void> ReleaseTypeInfo = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseTypeInfo];
    public static readonly delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseTensorTypeAndShapeInfo];
    public static readonly delegate* unmanaged<nint, void> ReleaseSessionOptions = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseSessionOptions];
    public static readonly delegate* unmanaged<nint, nint*, nint> SessionGetModelMetadata = (delegate* unmanaged<nint, nint*, nint>)Table[OrtApiSlots.SessionGetModelMetadata];
    public static readonly delegate* unmanaged<nint, nint, byte**, nint> ModelMetadataGetProducerName = (delegate* unmanaged<nint, nint, byte**, nint>)Table[OrtApiSlots.ModelMetadataGetProducerName];
    public static readonly delegate* unmanaged<nint, nint, byte**, nint> ModelMetadataGetGraphName = (delegate* unmanaged<nint, nint, byte**, nint>)Table[OrtApiSlots.ModelMetadataGetGraphName];
    public static readonly delegate* unmanaged<nint, nint, byte**, nint> ModelMetadataGetDomain = (delegate* unmanaged<nint, nint, byte**, nint>)Table[OrtApiSlots.ModelMetadataGetDomain];
    public static readonly delegate* unmanaged<nint, nint, byte**, nint> ModelMetadataGetDescription = (delegate* unmanaged<nint, nint, byte**, nint>)Table[OrtApiSlots.ModelMetadataGetDescription];
    public static readonly delegate* unmanaged<nint, nint, byte*, byte**, nint> ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged<nint, nint, byte*, byte**, nint>)Table[OrtApiSlots.ModelMetadataLookupCustomMetadataMap];
    public static readonly delegate* unmanaged<nint, long*, nint> ModelMetadataGetVersion = (delegate* unmanaged<nint, long*, nint>)Table[OrtApiSlots.ModelMetadataGetVersion];
    public static readonly delegate* unmanaged<nint, void> ReleaseModelMetadata = (delegate* unmanaged<nint, void>)Table[OrtApiSlots.ReleaseModelMetadata];
    public static readonly delegate* unmanaged<nint, nint, byte***, long*, nint> ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged<nint, nint, byte***, long*, nint>)Table[OrtApiSlots.ModelMetadataGetCustomMetadataMapKeys];
    public static readonly delegate* unmanaged<nint, int*, nint> HasValue = (delegate* unmanaged<nint, int*, nint>)Table[OrtApiSlots.HasValue];

    /// <summary>Throws <see cref="OnnxRuntimeException"/> for a failed status (and releases it); does nothing for NULL.</summary>
    public static void Check(nint status)
    {
        if (status != 0)
        {
            throw TakeError(status);
        }
    }

    /// <summary>Turns a non-NULL status into an exception, releasing the status. <paramref name="context"/> prefixes ORT's message.</summary>
    public static OnnxRuntimeException TakeError(nint status, string? context = null)
    {
        var code = (OnnxErrorCode)GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "";
        ReleaseStatus(status);
        return new OnnxRuntimeException(code, context is null ? message : $"{context}: {message}");
    }

    /// <summary>Copies a string ORT allocated with the default allocator and frees it with that allocator.</summary>
    public static string? TakeString(byte* text)
    {
        if (text == null)
        {
            return null;
        }

        var value = Marshal.PtrToStringUTF8((nint)text);
        Check(AllocatorFree(OrtEnvironment.Allocator, text));
        return value;
    }
}
