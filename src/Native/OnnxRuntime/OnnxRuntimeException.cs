namespace HybridAI.Native.OnnxRuntime;

/// <summary>An error reported by ONNX Runtime: its <see cref="ErrorCode"/> and its own message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception for an ORT error code and message.</summary>
    public OnnxRuntimeException(OnnxErrorCode errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    /// <summary>Creates a generic failure.</summary>
    public OnnxRuntimeException()
        : this(OnnxErrorCode.Fail, "ONNX Runtime failed.")
    {
    }

    /// <summary>Creates a generic failure with a message.</summary>
    public OnnxRuntimeException(string message)
        : this(OnnxErrorCode.Fail, message)
    {
    }

    /// <summary>Creates a generic failure with a message and a cause.</summary>
    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException) => ErrorCode = OnnxErrorCode.Fail;

    /// <summary>ORT's error code.</summary>
    public OnnxErrorCode ErrorCode { get; }
}
