using System.Buffers;
using System.Text.Unicode;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// Checks a file before a loader reads it: not larger than a limit (the text and Markdown loaders read a file whole,
/// and every <see cref="IDocumentLoader.LoadAsync"/> keeps its documents in memory; pass <see cref="long.MaxValue"/>
/// for a file read with <see cref="IDocumentLoader.StreamAsync"/>), no NUL bytes (a binary file, or UTF-16), and valid UTF-8
/// (the loaders would otherwise turn bad bytes into U+FFFD silently). Streams the file in 64 KiB blocks, so even a
/// huge file costs no memory to reject.
/// </summary>
/// <example>
/// <code>
/// if (TextFileCheck.HasText(path, maxBytes: 64 &lt;&lt; 20))
/// {
///     var result = await DocumentLoaders.ForFile(path).LoadAsync(path);
/// }
/// </code>
/// </example>
public static class TextFileCheck
{
    /// <summary>The default size limit: 256 MiB.</summary>
    public const long DefaultMaxBytes = 256L << 20;

    private const int BlockBytes = 1 << 16;

    /// <summary>
    /// Returns false when the file is empty or holds only spaces, tabs and line breaks (with or without a UTF-8 BOM),
    /// true when it is UTF-8 text with something in it.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The file is larger than <paramref name="maxBytes"/>, holds a NUL byte, or is not valid UTF-8; the message is
    /// <c>path(line): reason</c> and never quotes the content.
    /// </exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static bool HasText(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (stream.Length > maxBytes)
        {
            throw new InvalidDataException(FormattableString.Invariant(
                $"{path}(1): the file is {Megabytes(stream.Length)} MiB, over the {Megabytes(maxBytes)} MiB limit for one file (files are loaded whole); split it or raise the limit."));
        }

        byte[] bytes = ArrayPool<byte>.Shared.Rent(BlockBytes);
        char[] chars = ArrayPool<char>.Shared.Rent(BlockBytes);
        try
        {
            int carried = 0;   // bytes of a UTF-8 sequence cut by the end of the previous block
            int line = 1;
            bool hasText = false;
            bool first = true;
            while (true)
            {
                int read = stream.Read(bytes, carried, BlockBytes - carried);
                bool final = read == 0;
                Span<byte> block = bytes.AsSpan(0, carried + read);
                int start = 0;
                if (first && block.Length >= 3 && block[0] == 0xEF && block[1] == 0xBB && block[2] == 0xBF)
                {
                    start = 3;
                }

                first = false;
                int nul = block[carried..].IndexOf((byte)0);
                if (nul >= 0)
                {
                    throw new InvalidDataException($"{path}({line + block[..(carried + nul)].Count((byte)'\n')}): the file holds NUL bytes, so it is binary (or UTF-16) rather than UTF-8 text.");
                }

                ReadOnlySpan<byte> text = block[start..];
                OperationStatus status = Utf8.ToUtf16(text, chars, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == OperationStatus.InvalidData)
                {
                    throw new InvalidDataException($"{path}({line + text[..consumed].Count((byte)'\n')}): the file is not valid UTF-8 text (binary, or another encoding such as Latin-1); save it as UTF-8.");
                }

                ReadOnlySpan<byte> decoded = text[..consumed];
                hasText |= decoded.IndexOfAnyExcept(" \t\r\n"u8) >= 0;
                line += decoded.Count((byte)'\n');
                if (final)
                {
                    return hasText;
                }

                carried = text.Length - consumed;
                text[consumed..].CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
