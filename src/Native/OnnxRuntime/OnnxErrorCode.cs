namespace HybridAI.Native.OnnxRuntime;

/// <summary>ONNX Runtime's error codes (<c>OrtErrorCode</c>), same numbers.</summary>
public enum OnnxErrorCode
{
    /// <summary>No error.</summary>
    Ok = 0,

    /// <summary>Generic failure.</summary>
    Fail = 1,

    /// <summary>An argument was wrong: unknown input name, wrong element type or shape.</summary>
    InvalidArgument = 2,

    /// <summary>A file did not exist.</summary>
    NoSuchFile = 3,

    /// <summary>No model was loaded.</summary>
    NoModel = 4,

    /// <summary>An execution engine failed.</summary>
    EngineError = 5,

    /// <summary>An exception inside the runtime, e.g. a run stopped by its terminate flag.</summary>
    RuntimeException = 6,

    /// <summary>The model bytes are not a valid ONNX protobuf.</summary>
    InvalidProtobuf = 7,

    /// <summary>A model was already loaded.</summary>
    ModelLoaded = 8,

    /// <summary>The runtime does not implement this.</summary>
    NotImplemented = 9,

    /// <summary>The graph is invalid (e.g. type checking failed).</summary>
    InvalidGraph = 10,

    /// <summary>An execution provider failed.</summary>
    EpFail = 11,

    /// <summary>Model loading was cancelled (added after API 13).</summary>
    ModelLoadCanceled = 12,

    /// <summary>The model must be compiled first (added after API 13).</summary>
    ModelRequiresCompilation = 13,

    /// <summary>Something looked up was not found (added after API 13).</summary>
    NotFound = 14,
}
