namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// A brain float (ONNX BFLOAT16): the upper 16 bits of an IEEE float, kept as its bit pattern because .NET has no
/// built-in bfloat16. Convert with <see cref="ToSingle"/> and <see cref="FromSingle"/>.
/// </summary>
/// <param name="Bits">The 16-bit pattern: sign, 8 exponent bits, 7 mantissa bits.</param>
public readonly record struct BFloat16(ushort Bits)
{
    /// <summary>The float this value stands for (exact: every bfloat16 is a float).</summary>
    public float ToSingle() => BitConverter.UInt32BitsToSingle((uint)Bits << 16);

    /// <summary>The nearest bfloat16 (round half to even, as ONNX's Cast does); NaN stays NaN.</summary>
    public static BFloat16 FromSingle(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            return new BFloat16((ushort)((bits >> 16) | 0x0040));
        }

        uint roundingBias = 0x7FFF + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + roundingBias) >> 16));
    }

    /// <inheritdoc/>
    public override string ToString() => ToSingle().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
