using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using HybridAI.Abstractions.Generation;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// A model's own byte-level BPE tokenizer (GPT-2, Llama 3, Qwen 2/2.5, Phi-4, SmolLM, Mistral-Nemo…; not the SentencePiece-style
/// byte_fallback/Metaspace ones of Llama 2, Mistral 7B, Gemma or Phi-3) read from its Hugging Face
/// <c>tokenizer.json</c>: added and special tokens are matched first, the rest is normalised (NFC/NFKC if configured),
/// split by the pre-tokenizer's regex, mapped to the byte-level alphabet and merged by the model's merge list.
/// Exact counts for budgets and usage of a local model. Thread-safe.
/// </summary>
/// <remarks>
/// .NET reads the split regex over UTF-16 units, so letters and digits outside the Basic Multilingual Plane
/// may be split differently than by the Rust tokenizers (the bytes still round-trip).
/// </remarks>
/// <example>
/// <code>
/// var tokenizer = ByteLevelBpeTokenizer.FromFile("models/SmolLM2-135M-Instruct/tokenizer.json");
/// int[] ids = tokenizer.Encode("&lt;|im_start|&gt;user\nHello!&lt;|im_end|&gt;");
/// string text = tokenizer.Decode(ids);
/// </code>
/// </example>
public sealed class ByteLevelBpeTokenizer : ITokenCounter
{
    private const int MaxCachedPieceLength = 64;
    private const int MaxCacheEntries = 100_000;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly BpeMerges _merges;
    private readonly bool _ignoreMerges;
    private readonly int _unknownId;
    private readonly int[] _byteIds = new int[256];
    private readonly List<NormalizationForm> _normalizers;
    private readonly List<PreTokenizerStep> _steps;
    private readonly AddedTokenMatcher _added;
    private readonly Dictionary<int, AddedToken> _addedById;
    private readonly Dictionary<string, int> _addedByContent;
    private readonly string?[] _tokens;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    private ByteLevelBpeTokenizer(TokenizerJson json, string path)
    {
        _vocabulary = json.Vocabulary;
        _merges = new BpeMerges(json.Vocabulary, json.Merges, path);
        _ignoreMerges = json.IgnoreMerges;
        _normalizers = json.Normalizers;
        _steps = json.PreTokenizers;
        _unknownId = json.UnknownToken is { } unk && _vocabulary.TryGetValue(unk, out int u) ? u : -1;
        for (int b = 0; b < 256; b++)
        {
            _byteIds[b] = _vocabulary.TryGetValue(ByteLevelAlphabet.CharOf((byte)b).ToString(), out int id) ? id : _unknownId;
        }

        _added = new AddedTokenMatcher(json.AddedTokens);
        _addedById = json.AddedTokens.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        _addedByContent = json.AddedTokens.GroupBy(t => t.Content, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        int size = 1 + Math.Max(_vocabulary.Count == 0 ? -1 : _vocabulary.Values.Max(), _addedById.Count == 0 ? -1 : _addedById.Keys.Max());
        _tokens = new string?[size];
        foreach ((string token, int id) in _vocabulary)
        {
            if (id < 0)
            {
                throw new InvalidDataException($"'{path}': token id {id} is negative.");
            }

            _tokens[id] = token;
        }

        foreach (AddedToken token in json.AddedTokens)
        {
            _tokens[token.Id] = token.Content;
        }
    }

    /// <summary>One more than the highest token id (vocabulary and added tokens).</summary>
    public int VocabularySize => _tokens.Length;

    /// <summary>Loads a Hugging Face <c>tokenizer.json</c>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a well-formed tokenizer.json (the message says what is wrong).</exception>
    /// <exception cref="NotSupportedException">The tokenizer is not byte-level BPE, or uses a normalizer or pre-tokenizer this class does not implement (named).</exception>
    public static ByteLevelBpeTokenizer FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        return new ByteLevelBpeTokenizer(TokenizerJson.Read(full), full);
    }

    /// <summary>
    /// The ids of <paramref name="text"/>. Added tokens in the text become their ids; special ones only when
    /// <paramref name="parseSpecialTokens"/> (a chat template's markers), otherwise they are encoded as plain text.
    /// No beginning-of-sequence token is added.
    /// </summary>
    public int[] Encode(string text, bool parseSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 1);
        Run(text, parseSpecialTokens, ids);
        return [.. ids];
    }

    /// <inheritdoc />
    /// <remarks>Special-token markers in the text count as the markers' tokens, as the model would see them.</remarks>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 1);
        Run(text, parseSpecialTokens: true, ids);
        return ids.Count;
    }

    /// <summary>The text of <paramref name="ids"/>; special tokens are left out when <paramref name="skipSpecialTokens"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not a token of this tokenizer.</exception>
    public string Decode(ReadOnlySpan<int> ids, bool skipSpecialTokens = false)
    {
        var bytes = new List<byte>(ids.Length * 4);
        foreach (int id in ids)
        {
            AppendBytes(id, skipSpecialTokens, bytes);
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>A decoder that turns ids into text one at a time, holding back a character cut between tokens until its last byte arrives.</summary>
    public TokenStreamDecoder CreateStreamDecoder(bool skipSpecialTokens = true) => new(this, skipSpecialTokens);

    /// <summary>The id of a vocabulary or added token given as its text (byte-level form for vocabulary tokens), or null.</summary>
    public int? TokenToId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _addedByContent.TryGetValue(token, out int added) ? added : _vocabulary.TryGetValue(token, out int id) ? id : null;
    }

    /// <summary>The token text of an id (byte-level form for vocabulary tokens), or null.</summary>
    public string? IdToToken(int id) => (uint)id < (uint)_tokens.Length ? _tokens[id] : null;

    /// <summary>Whether <paramref name="id"/> is a special added token (a control marker, not text).</summary>
    public bool IsSpecial(int id) => _addedById.TryGetValue(id, out AddedToken? token) && token.Special;

    internal void AppendBytes(int id, bool skipSpecialTokens, List<byte> bytes)
    {
        if (_addedById.TryGetValue(id, out AddedToken? added))
        {
            if (!(skipSpecialTokens && added.Special))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(added.Content));
            }

            return;
        }

        string token = IdToToken(id) ?? throw new ArgumentOutOfRangeException(nameof(id), id, $"{id} is not a token id (vocabulary size {VocabularySize}).");
        Span<byte> utf8 = stackalloc byte[4];
        foreach (char c in token)
        {
            if (ByteLevelAlphabet.TryByteOf(c, out byte b))
            {
                bytes.Add(b);
            }
            else
            {
                bytes.AddRange(utf8[..Encoding.UTF8.GetBytes([c], utf8)]);
            }
        }
    }

    private void Run(string text, bool parseSpecialTokens, List<int> ids)
    {
        int start = 0;
        while (start < text.Length)
        {
            (int At, AddedToken Token)? next = _added.IsEmpty ? null : _added.Next(text, start, parseSpecialTokens);
            int end = next?.At ?? text.Length;
            ReadOnlySpan<char> segment = text.AsSpan(start, end - start);
            if (next is { Token.LeftStrip: true })
            {
                segment = segment.TrimEnd();
            }

            if (!segment.IsEmpty)
            {
                EncodeSegment(segment.ToString(), ids);
            }

            if (next is not { } found)
            {
                return;
            }

            ids.Add(found.Token.Id);
            start = found.At + found.Token.Content.Length;
            if (found.Token.RightStrip)
            {
                while (start < text.Length && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }
            }
        }
    }

    private void EncodeSegment(string segment, List<int> ids)
    {
        foreach (NormalizationForm form in _normalizers)
        {
            segment = segment.Normalize(form);
        }

        List<string> pieces = [segment];
        foreach (PreTokenizerStep step in _steps)
        {
            var next = new List<string>(pieces.Count * 4);
            foreach (string piece in pieces)
            {
                string input = step.AddPrefixSpace && !piece.StartsWith(' ') ? " " + piece : piece;
                Split(input, step.Split, next);
            }

            pieces = next;
        }

        foreach (string piece in pieces)
        {
            EncodePiece(ByteLevelAlphabet.Map(piece), ids);
        }
    }

    private static void Split(string text, Regex? regex, List<string> pieces)
    {
        if (regex is null)
        {
            pieces.Add(text);
            return;
        }

        // Isolated: every match is a piece, and so is any text between matches.
        int at = 0;
        foreach (ValueMatch match in regex.EnumerateMatches(text))
        {
            if (match.Length == 0)
            {
                continue;
            }

            if (match.Index > at)
            {
                pieces.Add(text[at..match.Index]);
            }

            pieces.Add(text.Substring(match.Index, match.Length));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            pieces.Add(text[at..]);
        }
    }

    private void EncodePiece(string mapped, List<int> ids)
    {
        if (mapped.Length == 0)
        {
            return;
        }

        if (_ignoreMerges && _vocabulary.TryGetValue(mapped, out int whole))
        {
            ids.Add(whole);
            return;
        }

        if (mapped.Length <= MaxCachedPieceLength && _cache.TryGetValue(mapped, out int[]? cached))
        {
            ids.AddRange(cached);
            return;
        }

        int[] symbols = new int[mapped.Length];
        for (int i = 0; i < mapped.Length; i++)
        {
            ByteLevelAlphabet.TryByteOf(mapped[i], out byte b);
            symbols[i] = _byteIds[b];
        }

        int count = _merges.Merge(symbols);
        int[] result = symbols[..count];
        if (Array.IndexOf(result, -1) >= 0)
        {
            throw new InvalidOperationException("The tokenizer's vocabulary lacks a byte-level character and has no unk_token.");
        }

        if (mapped.Length <= MaxCachedPieceLength && _cache.Count < MaxCacheEntries)
        {
            _cache.TryAdd(mapped, result);
        }

        ids.AddRange(result);
    }
}
