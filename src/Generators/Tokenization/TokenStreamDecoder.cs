using System.Text;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// Turns generated token ids into text as they come. A byte-level token may end in the middle of a multi-byte UTF-8
/// character (an emoji is often two or three tokens); those bytes are held until the character is complete, so no
/// update ever carries half a character or a replacement mark that the next token would have fixed. Not thread-safe:
/// one per generation.
/// </summary>
/// <example>
/// <code>
/// var decoder = tokenizer.CreateStreamDecoder();
/// foreach (int id in generated) Console.Write(decoder.Append(id));
/// Console.Write(decoder.Flush());
/// </code>
/// </example>
public sealed class TokenStreamDecoder
{
    private readonly ByteLevelBpeTokenizer _tokenizer;
    private readonly bool _skipSpecialTokens;
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private readonly List<byte> _bytes = new(16);
    private char[] _chars = new char[64];

    internal TokenStreamDecoder(ByteLevelBpeTokenizer tokenizer, bool skipSpecialTokens)
    {
        _tokenizer = tokenizer;
        _skipSpecialTokens = skipSpecialTokens;
    }

    /// <summary>The text completed by <paramref name="id"/> (possibly empty).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not a token of the tokenizer.</exception>
    public string Append(int id)
    {
        _bytes.Clear();
        _tokenizer.AppendBytes(id, _skipSpecialTokens, _bytes);
        return Decode(flush: false);
    }

    /// <summary>Whatever is held back (an incomplete character becomes U+FFFD); the decoder is then empty.</summary>
    public string Flush()
    {
        _bytes.Clear();
        return Decode(flush: true);
    }

    private string Decode(bool flush)
    {
        ReadOnlySpan<byte> bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes);
        int needed = _utf8.GetCharCount(bytes, flush: false) + 4;
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        int count = _utf8.GetChars(bytes, _chars, flush);
        return count == 0 ? string.Empty : new string(_chars, 0, count);
    }
}
