using System.Text;

namespace HybridAI.Native.LlamaCpp;

/// <summary>
/// Turns a stream of tokens into text as they arrive: bytes of a character split across tokens are held back
/// until the character is complete, so no half character (or replacement mark) is ever emitted mid-stream.
/// </summary>
public sealed class Utf8TokenDecoder
{
    private readonly LlamaModel _model;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private char[] _chars = new char[64];

    /// <summary>Creates a decoder over <paramref name="model"/>'s vocabulary.</summary>
    public Utf8TokenDecoder(LlamaModel model) => _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Adds a token; returns the text it completes (possibly empty).</summary>
    public string Append(int token) => Decode(_model.TokenBytes(token), flush: false);

    /// <summary>Ends the stream: bytes of an unfinished character come out as U+FFFD.</summary>
    public string Flush() => Decode([], flush: true);

    private string Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        var needed = _decoder.GetCharCount(bytes, flush);
        if (needed > _chars.Length)
        {
            _chars = new char[needed * 2];
        }

        var n = _decoder.GetChars(bytes, _chars, flush);
        return n == 0 ? "" : new string(_chars, 0, n);
    }
}
