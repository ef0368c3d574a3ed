namespace HybridAI.Native.OnnxRuntime;

/// <summary>
/// A bfloat16 number: the upper 16 bits of a <see cref="float"/>. Only storage and conversion; do arithmetic in float.
/// </summary>
/// <param name="Bits">The raw 16 bits.</param>
public readonly record struct BFloat16(ushort Bits)
{
    /// <summary>Rounds a float to the nearest bfloat16 (ties to even); NaN stays NaN.</summary>
    public static explicit operator BFloat16(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value))
        {
            return new BFloat16((ushort)((bits >> 16) | 0x0040));
        }

        var rounding = 0x7FFFu + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + rounding) >> 16));
    }

    /// <summary>Widens to float exactly.</summary>
    public static implicit operator float(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value.Bits << 16);

    /// <summary>Rounds a float to the nearest bfloat16.</summary>
    public static BFloat16 FromSingle(float value) => (BFloat16)value;

    /// <summary>Widens to float.</summary>
    public float ToSingle() => this;

    /// <inheritdoc/>
    public override string ToString() => ToSingle().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
