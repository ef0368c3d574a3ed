using System.Buffers.Binary;

namespace HybridAI.Classifiers;

/// <summary>Reads little-endian values from the payload, failing with the section name when it runs short.</summary>
internal ref struct PayloadCursor(byte[] payload, ModelHeaderReader header)
{
    private int _at;

    public readonly bool AtEnd => _at == payload.Length;

    public int Int(string field)
    {
        var span = Take(sizeof(int), field);
        return BinaryPrimitives.ReadInt32LittleEndian(span);
    }

    public double[] Doubles(int count, string field)
    {
        var span = Take(checked(count * sizeof(double)), field);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(span[(i * sizeof(double))..]);
        }

        return values;
    }

    private ReadOnlySpan<byte> Take(int bytes, string field)
    {
        if (payload.Length - _at < bytes)
        {
            throw header.Fail($"Model payload ends early while reading '{field}'; the file is corrupt.", field);
        }

        var span = payload.AsSpan(_at, bytes);
        _at += bytes;
        return span;
    }
}
