namespace HybridAI.Native.OnnxRuntime.Interop;

/// <summary>
/// Positions of the functions this binding calls inside <c>struct OrtApi</c>
/// (include/onnxruntime/core/session/onnxruntime_c_api.h). The struct only grows at the end, so a slot counted in
/// an older header stays valid in 1.30. Each one was counted by hand from the header and is pinned by a test that calls
/// it: an off-by-one here is a crash, not an error.
/// </summary>
internal static class OrtApiSlots
{
    public const int CreateStatus = 0;                       // OrtStatus* (OrtErrorCode, const char*)
    public const int GetErrorCode = 1;                       // OrtErrorCode (const OrtStatus*)
    public const int GetErrorMessage = 2;                    // const char* (const OrtStatus*)
    public const int CreateEnv = 3;                          // (OrtLoggingLevel, const char* logid, OrtEnv**)
    public const int CreateSession = 7;                      // (env, const char* path, options, OrtSession**)
    public const int CreateSessionFromArray = 8;             // (env, const void*, size_t, options, OrtSession**)
    public const int Run = 9;                                // (session, run_options, names, values, n, out names, m, outputs)
    public const int CreateSessionOptions = 10;              // (OrtSessionOptions**)
    public const int SetSessionGraphOptimizationLevel = 23;  // (options, GraphOptimizationLevel)
    public const int SetIntraOpNumThreads = 24;              // (options, int)
    public const int SetInterOpNumThreads = 25;              // (options, int)
    public const int SessionGetInputCount = 30;              // (session, size_t*)
    public const int SessionGetOutputCount = 31;             // (session, size_t*)
    public const int SessionGetInputTypeInfo = 33;           // (session, size_t, OrtTypeInfo**)
    public const int SessionGetOutputTypeInfo = 34;          // (session, size_t, OrtTypeInfo**)
    public const int SessionGetInputName = 36;               // (session, size_t, allocator, char**)
    public const int SessionGetOutputName = 37;              // (session, size_t, allocator, char**)
    public const int CreateRunOptions = 39;                  // (OrtRunOptions**)
    public const int RunOptionsSetTerminate = 46;            // (run_options)
    public const int RunOptionsUnsetTerminate = 47;          // (run_options)
    public const int CreateTensorAsOrtValue = 48;            // (allocator, shape, shape_len, type, OrtValue**)
    public const int CreateTensorWithDataAsOrtValue = 49;    // (memory_info, data, bytes, shape, shape_len, type, OrtValue**)
    public const int IsTensor = 50;                          // (value, int*)
    public const int GetTensorMutableData = 51;              // (value, void**)
    public const int FillStringTensor = 52;                  // (value, const char* const*, size_t)
    public const int GetStringTensorDataLength = 53;         // (value, size_t*)
    public const int GetStringTensorContent = 54;            // (value, void*, size_t, size_t* offsets, size_t)
    public const int CastTypeInfoToTensorInfo = 55;          // (type_info, const OrtTensorTypeAndShapeInfo**) not owned
    public const int GetOnnxTypeFromTypeInfo = 56;           // (type_info, ONNXType*)
    public const int GetTensorElementType = 60;              // (tensor_info, ONNXTensorElementDataType*)
    public const int GetDimensionsCount = 61;                // (tensor_info, size_t*)
    public const int GetDimensions = 62;                     // (tensor_info, int64_t*, size_t)
    public const int GetSymbolicDimensions = 63;             // (tensor_info, const char**, size_t)
    public const int GetTensorShapeElementCount = 64;        // (tensor_info, size_t*)
    public const int GetTensorTypeAndShape = 65;             // (value, OrtTensorTypeAndShapeInfo**) owned
    public const int GetValueType = 67;                      // (value, ONNXType*)
    public const int CreateCpuMemoryInfo = 69;               // (OrtAllocatorType, OrtMemType, OrtMemoryInfo**)
    public const int AllocatorFree = 76;                     // (allocator, void*)
    public const int GetAllocatorWithDefaultOptions = 78;    // (OrtAllocator**) not owned
    public const int GetValue = 80;                          // (value, int index, allocator, OrtValue**) owned
    public const int GetValueCount = 81;                     // (value, size_t*)
    public const int CreateValue = 82;                       // (const OrtValue* const* in, size_t n, ONNXType, OrtValue**) owned
    public const int ReleaseEnv = 92;                        // void (OrtEnv*)
    public const int ReleaseStatus = 93;                     // void (OrtStatus*)
    public const int ReleaseMemoryInfo = 94;                 // void (OrtMemoryInfo*)
    public const int ReleaseSession = 95;                    // void (OrtSession*)
    public const int ReleaseValue = 96;                      // void (OrtValue*)
    public const int ReleaseRunOptions = 97;                 // void (OrtRunOptions*)
    public const int ReleaseTypeInfo = 98;                   // void (OrtTypeInfo*)
    public const int ReleaseTensorTypeAndShapeInfo = 99;     // void (OrtTensorTypeAndShapeInfo*)
    public const int ReleaseSessionOptions = 100;            // void (OrtSessionOptions*)
    public const int SessionGetModelMetadata = 111;          // (session, OrtModelMetadata**)
    public const int ModelMetadataGetProducerName = 112;     // (metadata, allocator, char**)
    public const int ModelMetadataGetGraphName = 113;        // (metadata, allocator, char**)
    public const int ModelMetadataGetDomain = 114;           // (metadata, allocator, char**)
    public const int ModelMetadataGetDescription = 115;      // (metadata, allocator, char**)
    public const int ModelMetadataLookupCustomMetadataMap = 116; // (metadata, allocator, const char* key, char**)
    public const int ModelMetadataGetVersion = 117;          // (metadata, int64_t*)
    public const int ReleaseModelMetadata = 118;             // void (OrtModelMetadata*)
    public const int ModelMetadataGetCustomMetadataMapKeys = 123; // (metadata, allocator, char*** keys, int64_t*)
    public const int HasValue = 192;                         // (value, int*)
}
