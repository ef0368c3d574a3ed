namespace HybridAI.Native.OnnxRuntime;

/// <summary>What an input, output or value is (<c>ONNXType</c>, same numbers).</summary>
public enum OnnxValueKind
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>A dense tensor.</summary>
    Tensor = 1,

    /// <summary>A sequence of values (e.g. the list of maps a scikit-learn ZipMap returns).</summary>
    Sequence = 2,

    /// <summary>A map from int64 or string keys to values.</summary>
    Map = 3,

    /// <summary>An opaque custom type.</summary>
    Opaque = 4,

    /// <summary>A sparse tensor.</summary>
    SparseTensor = 5,

    /// <summary>An optional value, which may be None.</summary>
    Optional = 6,
}
