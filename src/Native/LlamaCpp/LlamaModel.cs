using System.Runtime.InteropServices;
using System.Text;
using HybridAI.Native.LlamaCpp.Interop;

namespace HybridAI.Native.LlamaCpp;

/// <summary>
/// A GGUF model loaded by llama.cpp: vocabulary, chat template and weights. Thread-safe and meant to be shared;
/// each concurrent generation needs its own <see cref="LlamaContext"/>.
/// </summary>
/// <example>
/// <code>
/// using var model = LlamaModel.Load("models/qwen2.5-0.5b-instruct-q4_k_m.gguf");
/// using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 4096 });
/// var prompt = model.Tokenize(model.ApplyChatTemplate([new("user", "Hello!")]), parseSpecial: true);
/// foreach (var step in context.Generate(prompt, new LlamaGenerationOptions { MaxTokens = 64 }))
/// {
///     Console.Write(step.Text);
/// }
/// </code>
/// </example>
public sealed unsafe class LlamaModel : IDisposable
{
    /// <summary>The built-in template used when a model carries none (or one llama.cpp does not recognise).</summary>
    public const string FallbackChatTemplate = "chatml";

    private readonly ModelHandle _handle;
    private readonly IntPtr _vocab;
    private readonly byte[]?[] _pieces;

    private LlamaModel(string path, ModelHandle handle)
    {
        var api = LlamaCppLibrary.Api;
        FilePath = path;
        _handle = handle;
        _vocab = api.ModelGetVocab(handle.DangerousGetHandle());
        VocabularySize = api.VocabNTokens(_vocab);
        BeginningOfSequence = api.VocabBos(_vocab);
        EndOfSequence = api.VocabEos(_vocab);
        AddsBeginningOfSequence = api.VocabGetAddBos(_vocab) != 0;
        TrainedContextLength = api.ModelNCtxTrain(handle.DangerousGetHandle());
        _pieces = new byte[VocabularySize][];
        var desc = stackalloc byte[256];
        Description = api.ModelDesc(handle.DangerousGetHandle(), desc, 256) > 0 ? Marshal.PtrToStringUTF8((IntPtr)desc) ?? "" : "";
        var template = api.ModelChatTemplate(handle.DangerousGetHandle(), null);
        ChatTemplate = template == null ? null : Marshal.PtrToStringUTF8((IntPtr)template);
    }

    /// <summary>The file the model was loaded from.</summary>
    public string FilePath { get; }

    /// <summary>llama.cpp's one-line description (architecture, size, quantization).</summary>
    public string Description { get; }

    /// <summary>Number of tokens in the vocabulary.</summary>
    public int VocabularySize { get; }

    /// <summary>The context length the model was trained with.</summary>
    public int TrainedContextLength { get; }

    /// <summary>The beginning-of-sequence token id.</summary>
    public int BeginningOfSequence { get; }

    /// <summary>The end-of-sequence token id.</summary>
    public int EndOfSequence { get; }

    /// <summary>Whether tokenizing with special tokens prepends <see cref="BeginningOfSequence"/>.</summary>
    public bool AddsBeginningOfSequence { get; }

    /// <summary>The Jinja chat template stored in the file (<c>tokenizer.chat_template</c>), if any.</summary>
    public string? ChatTemplate { get; }

    internal IntPtr Handle => _handle.DangerousGetHandle();

    internal IntPtr Vocab => _vocab;

    /// <summary>Loads a GGUF model file.</summary>
    /// <exception cref="LlamaModelLoadException">The file is missing, truncated, corrupt or not a GGUF model (the message names it).</exception>
    /// <exception cref="DllNotFoundException">llama.cpp itself is missing.</exception>
    public static LlamaModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        CheckHeader(full);
        var api = LlamaCppLibrary.Api;
        var parameters = api.ModelDefaultParams();
        IntPtr model;
        string log;
        using (var capture = LlamaLog.Begin())
        {
            var utf8 = Utf8Z(full);
            fixed (byte* p = utf8)
            {
                model = api.ModelLoadFromFile(p, parameters);
            }

            log = capture.Text;
        }

        if (model == IntPtr.Zero)
        {
            throw new LlamaModelLoadException(full, log.Length > 0 ? log : "llama.cpp rejected it without giving a reason.");
        }

        return new LlamaModel(full, new ModelHandle(model));
    }

    /// <summary>Whether <paramref name="token"/> ends generation (end of sequence, end of turn).</summary>
    public bool IsEndOfGeneration(int token) => LlamaCppLibrary.Api.VocabIsEog(_vocab, token) != 0;

    /// <summary>Splits text into token ids.</summary>
    /// <param name="text">The text.</param>
    /// <param name="addSpecial">Add the model's beginning-of-sequence token (when the model asks for it).</param>
    /// <param name="parseSpecial">Turn special-token text such as <c>&lt;s&gt;</c> into those tokens (for rendered chat templates).</param>
    public int[] Tokenize(string text, bool addSpecial = true, bool parseSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var api = LlamaCppLibrary.Api;
        var bytes = Encoding.UTF8.GetBytes(text);
        var tokens = new int[bytes.Length + 2];
        fixed (byte* b = bytes)
        {
            while (true)
            {
                int n;
                fixed (int* t = tokens)
                {
                    n = api.Tokenize(_vocab, b, bytes.Length, t, tokens.Length, addSpecial ? (byte)1 : (byte)0, parseSpecial ? (byte)1 : (byte)0);
                }

                if (n >= 0)
                {
                    return tokens[..n];
                }

                if (n == int.MinValue)
                {
                    throw new LlamaCppException($"Text of {bytes.Length} bytes gives more tokens than llama.cpp can count.");
                }

                tokens = new int[-n];
            }
        }
    }

    /// <summary>The bytes a token stands for (may be part of a multi-byte UTF-8 character).</summary>
    public ReadOnlySpan<byte> TokenBytes(int token)
    {
        if ((uint)token >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"Token ids run from 0 to {VocabularySize - 1}.");
        }

        return _pieces[token] ??= Piece(token);
    }

    /// <summary>Turns tokens back into text, joining multi-byte characters split across tokens.</summary>
    public string Detokenize(IEnumerable<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var decoder = new Utf8TokenDecoder(this);
        var text = new StringBuilder();
        foreach (var t in tokens)
        {
            text.Append(decoder.Append(t));
        }

        return text.Append(decoder.Flush()).ToString();
    }

    /// <summary>
    /// Renders a conversation into the prompt text with llama.cpp's <c>llama_chat_apply_template</c>: the model's
    /// own template, else <paramref name="fallbackTemplate"/>, else a plain "role: content" layout.
    /// </summary>
    /// <param name="messages">Role ("system", "user", "assistant") and content of each message, oldest first.</param>
    /// <param name="addAssistantTurn">End with the opening of an assistant turn, ready for generation.</param>
    /// <param name="fallbackTemplate">A template (Jinja text or a built-in name such as <c>chatml</c>, <c>llama2</c>) for models without a usable one.</param>
    public string ApplyChatTemplate(IReadOnlyList<LlamaChatMessage> messages, bool addAssistantTurn = true, string? fallbackTemplate = FallbackChatTemplate)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var template in new[] { ChatTemplate, fallbackTemplate })
        {
            if (template is not null && Render(template, messages, addAssistantTurn) is { } rendered)
            {
                return rendered;
            }
        }

        var plain = new StringBuilder();
        foreach (var m in messages)
        {
            plain.Append(m.Role).Append(": ").Append(m.Content).Append('\n');
        }

        return addAssistantTurn ? plain.Append("assistant:").ToString() : plain.ToString();
    }

    /// <summary>Creates a context (KV cache and compute buffers) for generating with this model.</summary>
    public LlamaContext CreateContext(LlamaContextOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return new LlamaContext(this, options ?? new LlamaContextOptions());
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    internal static byte[] Utf8Z(string s)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }

    private static string? Render(string template, IReadOnlyList<LlamaChatMessage> messages, bool addAssistantTurn)
    {
        var api = LlamaCppLibrary.Api;
        var strings = new List<GCHandle>();
        try
        {
            var native = new ChatMessageNative[messages.Count];
            var length = 0;
            for (var i = 0; i < messages.Count; i++)
            {
                native[i] = new ChatMessageNative { Role = Pin(messages[i].Role, strings), Content = Pin(messages[i].Content, strings) };
                length += messages[i].Content.Length * 4 + messages[i].Role.Length + 64;
            }

            var templateUtf8 = Utf8Z(template);
            var buffer = new byte[Math.Max(length * 2, 256)];
            fixed (byte* t = templateUtf8)
            fixed (ChatMessageNative* m = native)
            {
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    int n;
                    fixed (byte* b = buffer)
                    {
                        n = api.ChatApplyTemplate(t, m, (nuint)native.Length, addAssistantTurn ? (byte)1 : (byte)0, b, buffer.Length);
                    }

                    if (n < 0)
                    {
                        return null;
                    }

                    if (n <= buffer.Length)
                    {
                        return Encoding.UTF8.GetString(buffer, 0, n);
                    }

                    buffer = new byte[n];
                }
            }

            return null;
        }
        finally
        {
            foreach (var h in strings)
            {
                h.Free();
            }
        }
    }

    private static byte* Pin(string s, List<GCHandle> handles)
    {
        var h = GCHandle.Alloc(Utf8Z(s), GCHandleType.Pinned);
        handles.Add(h);
        return (byte*)h.AddrOfPinnedObject();
    }

    private byte[] Piece(int token)
    {
        var api = LlamaCppLibrary.Api;
        Span<byte> buffer = stackalloc byte[64];
        fixed (byte* b = buffer)
        {
            var n = api.TokenToPiece(_vocab, token, b, buffer.Length, 0, 0);
            if (n >= 0)
            {
                return buffer[..n].ToArray();
            }

            var big = new byte[-n];
            fixed (byte* g = big)
            {
                n = api.TokenToPiece(_vocab, token, g, big.Length, 0, 0);
            }

            return big[..Math.Max(n, 0)];
        }
    }

    private static void CheckHeader(string path)
    {
        if (!File.Exists(path))
        {
            throw new LlamaModelLoadException(path, "the file does not exist.");
        }

        Span<byte> header = stackalloc byte[8];
        int read;
        using (var f = File.OpenRead(path))
        {
            read = f.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length)
        {
            throw new LlamaModelLoadException(path, $"the file is truncated ({read} bytes; a GGUF header alone is longer).");
        }

        if (!header[..4].SequenceEqual("GGUF"u8))
        {
            throw new LlamaModelLoadException(path, "not a GGUF file (it does not start with the GGUF magic bytes).");
        }

        var version = BitConverter.ToUInt32(header[4..]);
        if (version is not (2 or 3))
        {
            throw new LlamaModelLoadException(path, $"GGUF version {version} is not supported (2 and 3 are).");
        }
    }
}
