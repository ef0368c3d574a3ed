using System.Security.Cryptography;

namespace HybridAI.Governance.Anonymization;

/// <summary>AES-256-GCM with the nonce and tag laid out beside the ciphertext: nonce ‖ ciphertext ‖ tag.</summary>
internal static class VaultCrypto
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = NonceSize + TagSize;

    /// <summary>Encrypts with a random nonce into <paramref name="destination"/> (plaintext length + <see cref="Overhead"/>).</summary>
    public static void Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> aad, Span<byte> destination)
    {
        var nonce = destination[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        SealWithNonce(key, nonce, plaintext, aad, destination);
    }

    /// <summary>Encrypts with the nonce already written in the first <see cref="NonceSize"/> bytes of <paramref name="destination"/>.</summary>
    public static void SealWithNonce(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> aad, Span<byte> destination)
    {
        nonce.CopyTo(destination);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(destination[..NonceSize], plaintext, destination.Slice(NonceSize, plaintext.Length),
            destination.Slice(NonceSize + plaintext.Length, TagSize), aad);
    }

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> aad)
    {
        var result = new byte[plaintext.Length + Overhead];
        Seal(key, plaintext, aad, result);
        return result;
    }

    /// <summary>Decrypts nonce ‖ ciphertext ‖ tag; false when it was altered or sealed under another key.</summary>
    public static bool TryOpen(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> aad, Span<byte> plaintext)
    {
        if (sealedData.Length < Overhead || plaintext.Length != sealedData.Length - Overhead)
            return false;
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedData[..NonceSize], sealedData[NonceSize..^TagSize], sealedData[^TagSize..], plaintext, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>A sub-key of the master key for one purpose (HKDF-SHA256), so no key serves two jobs.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> masterKey, string purpose)
    {
        Span<byte> prk = stackalloc byte[32];
        HKDF.Extract(HashAlgorithmName.SHA256, masterKey, "hybridai.pii.vault"u8, prk);
        var key = new byte[KeySize];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, key, System.Text.Encoding.ASCII.GetBytes(purpose));
        CryptographicOperations.ZeroMemory(prk);
        return key;
    }
}
