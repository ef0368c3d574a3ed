namespace HybridAI.Native.OnnxRuntime.Interop;

/// <summary>Which <see cref="OnnxElementType"/> a managed element type maps to, computed once per type.</summary>
internal static class ElementTypes
{
    public static OnnxElementType Of<T>() => Cache<T>.Value;

    public static OnnxElementType Require<T>() => Cache<T>.Value is var type and not OnnxElementType.Undefined
        ? type
        : throw new NotSupportedException($"{typeof(T).Name} is not an ONNX tensor element type. Use float, double, sbyte, short, int, long, byte, ushort, uint, ulong, bool, Half, BFloat16 or string.");

    private static OnnxElementType Map(Type type) =>
        type == typeof(float) ? OnnxElementType.Float
        : type == typeof(double) ? OnnxElementType.Double
        : type == typeof(sbyte) ? OnnxElementType.Int8
        : type == typeof(short) ? OnnxElementType.Int16
        : type == typeof(int) ? OnnxElementType.Int32
        : type == typeof(long) ? OnnxElementType.Int64
        : type == typeof(byte) ? OnnxElementType.UInt8
        : type == typeof(ushort) ? OnnxElementType.UInt16
        : type == typeof(uint) ? OnnxElementType.UInt32
        : type == typeof(ulong) ? OnnxElementType.UInt64
        : type == typeof(bool) ? OnnxElementType.Bool
        : type == typeof(Half) ? OnnxElementType.Float16
        : type == typeof(BFloat16) ? OnnxElementType.BFloat16
        : type == typeof(string) ? OnnxElementType.String
        : OnnxElementType.Undefined;

    private static class Cache<T>
    {
        public static readonly OnnxElementType Value = Map(typeof(T));
    }
}
