using System.Runtime.InteropServices;

namespace HybridAI.Native.OnnxRuntime.Interop;

/// <summary>Reads an <c>OrtTensorTypeAndShapeInfo</c> (which the caller owns or borrows).</summary>
internal static unsafe class TensorInfo
{
    public static (OnnxElementType Type, long[] Shape) Read(nint info)
    {
        int type;
        OrtApi.Check(OrtApi.GetTensorElementType(info, &type));
        nuint rank;
        OrtApi.Check(OrtApi.GetDimensionsCount(info, &rank));
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            long none = 0;
            OrtApi.Check(OrtApi.GetDimensions(info, rank == 0 ? &none : dims, rank));
        }

        return ((OnnxElementType)type, shape);
    }

    public static string[] SymbolicDimensions(nint info, int rank)
    {
        if (rank == 0)
        {
            return [];
        }

        var names = stackalloc byte*[rank];
        OrtApi.Check(OrtApi.GetSymbolicDimensions(info, names, (nuint)rank));
        var result = new string[rank];
        for (var i = 0; i < rank; i++)
        {
            result[i] = names[i] == null ? "" : Marshal.PtrToStringUTF8((nint)names[i]) ?? "";
        }

        return result;
    }

    /// <summary>Element type and shape of a tensor OrtValue.</summary>
    public static (OnnxElementType Type, long[] Shape) OfValue(nint value)
    {
        nint info;
        OrtApi.Check(OrtApi.GetTensorTypeAndShape(value, &info));
        try
        {
            return Read(info);
        }
        finally
        {
            OrtApi.ReleaseTensorTypeAndShapeInfo(info);
        }
    }
}
