using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>Copies fixed-width little-endian values (protobuf and ONNX raw_data order) to and from native memory.</summary>
internal static class LittleEndian
{
    public static void Copy<T>(ReadOnlySpan<byte> source, Span<T> destination)
        where T : unmanaged
    {
        Span<byte> target = MemoryMarshal.AsBytes(destination);
        source[..target.Length].CopyTo(target);
        if (!BitConverter.IsLittleEndian)
        {
            Swap(target, System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        }
    }

    public static void Copy<T>(ReadOnlySpan<T> source, Span<byte> destination)
        where T : unmanaged
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(source);
        bytes.CopyTo(destination);
        if (!BitConverter.IsLittleEndian)
        {
            Swap(destination[..bytes.Length], System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        }
    }

    // Only big-endian hosts get here; ONNX and protobuf fix little-endian on the wire.
    private static void Swap(Span<byte> bytes, int width)
    {
        switch (width)
        {
            case 2:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<byte, ushort>(bytes));
                break;
            case 4:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(bytes), MemoryMarshal.Cast<byte, uint>(bytes));
                break;
            case 8:
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, ulong>(bytes), MemoryMarshal.Cast<byte, ulong>(bytes));
                break;
        }
    }
}
