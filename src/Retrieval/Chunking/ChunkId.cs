using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace HybridAI.Retrieval.Chunking;

/// <summary>
/// Chunk ids must survive restarts and match across machines, so they come from SHA-256 (never string.GetHashCode,
/// which is randomised per process).
/// </summary>
internal static class ChunkId
{
    public static string Compute(string documentId, ReadOnlySpan<char> text, int ordinal)
    {
        // Length prefixes keep ("ab","c") and ("a","bc") apart.
        int idBytes = Encoding.UTF8.GetByteCount(documentId);
        int textBytes = Encoding.UTF8.GetByteCount(text);
        int total = 4 + idBytes + 4 + textBytes + 4;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            Span<byte> span = buffer.AsSpan(0, total);
            BinaryPrimitives.WriteInt32LittleEndian(span, idBytes);
            Encoding.UTF8.GetBytes(documentId, span.Slice(4, idBytes));
            int at = 4 + idBytes;
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], textBytes);
            Encoding.UTF8.GetBytes(text, span.Slice(at + 4, textBytes));
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 4 + textBytes)..], ordinal);

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(span, hash);
            // 128 bits is plenty to keep chunk ids apart and keeps them short in citations.
            return Convert.ToHexStringLower(hash[..16]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
