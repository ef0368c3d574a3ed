using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using HybridAI.Abstractions.Generation;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// An OpenAI tiktoken encoding (cl100k_base for GPT-4 and GPT-3.5, o200k_base for GPT-4o, o-series, GPT-4.1 and
/// GPT-5), read from npm <c>js-tiktoken</c>'s rank files: exact token ids and counts as the endpoint bills them.
/// Text is cut into pieces by the encoding's pattern, each piece's UTF-8 bytes are byte-pair merged by rank, and
/// merged pieces are cached. Thread-safe; load once and share (<see cref="Get"/> does).
/// </summary>
/// <example>
/// <code>
/// TiktokenEncoding encoding = TiktokenEncoding.ForModel("gpt-4o");   // o200k_base
/// int[] ids = encoding.Encode("Hello, world!");                       // [13225, 11, 2375, 0]
/// string text = encoding.Decode(ids);
/// int count = encoding.CountTokens("How many tokens is this?");
/// </code>
/// </example>
public sealed class TiktokenEncoding : ITokenCounter
{
    /// <summary>The encoding of GPT-4, GPT-3.5 and the text-embedding-3 / ada-002 models.</summary>
    public const string Cl100kBase = "cl100k_base";

    /// <summary>The encoding of GPT-4o, the o-series, GPT-4.1 and GPT-5.</summary>
    public const string O200kBase = "o200k_base";

    private const int MaxCachedPieceLength = 64;
    private const int MaxCacheEntries = 100_000;
    private const int StackBytes = 256;

    private static readonly ConcurrentDictionary<string, Lazy<TiktokenEncoding>> Loaded = new(StringComparer.Ordinal);

    private readonly BytePairRanks _ranks;
    private readonly Func<ReadOnlySpan<char>, int, int>? _pieceEnd;
    private readonly Regex? _pattern;
    private readonly Dictionary<string, int> _specials;
    private readonly Dictionary<int, byte[]> _specialBytes;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;

    private TiktokenEncoding(string name, TiktokenRankFile file)
    {
        Name = name;
        _ranks = new BytePairRanks(file.Ranks);
        _specials = new Dictionary<string, int>(file.SpecialTokens, StringComparer.Ordinal);
        _specialBytes = _specials.ToDictionary(p => p.Value, p => Encoding.UTF8.GetBytes(p.Key));
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();

        // The two current encodings get exact hand-written matchers; older ones (gpt2, p50k, r50k) the pattern itself,
        // which .NET reads over UTF-16 units: identical except for letters and digits outside the BMP.
        _pieceEnd = file.Pattern switch
        {
            Cl100kPattern => TiktokenPieces.Cl100kEnd,
            O200kPattern => TiktokenPieces.O200kEnd,
            _ => null,
        };
        _pattern = _pieceEnd is null ? new Regex(file.Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled) : null;
    }

    /// <summary>The encoding's name, e.g. <c>o200k_base</c>.</summary>
    public string Name { get; }

    /// <summary>The special tokens (such as <c>&lt;|endoftext|&gt;</c>) and their ids.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens => _specials;

    /// <summary>One more than the highest ordinary (non-special) token id.</summary>
    public int OrdinaryTokenCount => _ranks.Count;

    /// <summary>The encoding <paramref name="encodingName"/> from <see cref="TiktokenData.Folder"/>, loaded once per process.</summary>
    /// <exception cref="FileNotFoundException">The rank file is not there (run <c>eng/fetch-deps.sh</c>).</exception>
    /// <exception cref="InvalidDataException">The file is not a js-tiktoken rank module.</exception>
    public static TiktokenEncoding Get(string encodingName)
    {
        ArgumentException.ThrowIfNullOrEmpty(encodingName);
        if (encodingName.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || encodingName.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{encodingName}' is not an encoding name such as cl100k_base.", nameof(encodingName));
        }

        Lazy<TiktokenEncoding> lazy = Loaded.GetOrAdd(encodingName, name => new Lazy<TiktokenEncoding>(() => FromFile(TiktokenData.PathOf(name), name)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Loaded.TryRemove(new KeyValuePair<string, Lazy<TiktokenEncoding>>(encodingName, lazy));
            throw;
        }
    }

    /// <summary>The encoding an OpenAI model uses (see <see cref="EncodingNameForModel"/>), loaded once per process.</summary>
    /// <exception cref="ArgumentException">The model is not one whose encoding is known.</exception>
    public static TiktokenEncoding ForModel(string model) => Get(EncodingNameForModel(model)
        ?? throw new ArgumentException($"No tiktoken encoding is known for model '{model}'; pass the encoding name to Get.", nameof(model)));

    /// <summary>
    /// <c>o200k_base</c> for gpt-4o, chatgpt-4o, gpt-4.1, gpt-4.5, gpt-5 and o1/o3/o4 models; <c>cl100k_base</c> for gpt-4,
    /// gpt-3.5(-turbo), gpt-35 and the text-embedding-ada-002 / -3 models; null otherwise. Azure-style and dated names
    /// (gpt-4o-2024-08-06) follow their family.
    /// </summary>
    public static string? EncodingNameForModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string m = model.Trim().ToLowerInvariant();
        int slash = m.LastIndexOf('/');
        if (slash >= 0)
        {
            m = m[(slash + 1)..];
        }

        if (m.StartsWith("gpt-4o", StringComparison.Ordinal) || m.StartsWith("chatgpt-4o", StringComparison.Ordinal)
            || m.StartsWith("gpt-4.1", StringComparison.Ordinal) || m.StartsWith("gpt-4.5", StringComparison.Ordinal)
            || m.StartsWith("gpt-5", StringComparison.Ordinal) || m.StartsWith("o1", StringComparison.Ordinal)
            || m.StartsWith("o3", StringComparison.Ordinal) || m.StartsWith("o4", StringComparison.Ordinal))
        {
            return O200kBase;
        }

        if (m.StartsWith("gpt-4", StringComparison.Ordinal) || m.StartsWith("gpt-3.5", StringComparison.Ordinal)
            || m.StartsWith("gpt-35", StringComparison.Ordinal) || m.StartsWith("text-embedding-3", StringComparison.Ordinal)
            || m == "text-embedding-ada-002")
        {
            return Cl100kBase;
        }

        return null;
    }

    /// <summary>Loads a js-tiktoken rank module (<c>.cjs</c> or <c>.js</c>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a js-tiktoken rank module.</exception>
    public static TiktokenEncoding FromFile(string path, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new TiktokenEncoding(name ?? Path.GetFileNameWithoutExtension(path), TiktokenRankFile.Read(path));
    }

    /// <summary>
    /// The token ids of <paramref name="text"/>. Special-token text (<c>&lt;|endoftext|&gt;</c>) is ordinary text unless
    /// <paramref name="allowSpecialTokens"/>, when it becomes the special token's id.
    /// </summary>
    public int[] Encode(string text, bool allowSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<int>(text.Length / 3 + 1);
        Run(text, allowSpecialTokens, tokens);
        return [.. tokens];
    }

    /// <inheritdoc />
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Run(text, allowSpecialTokens: false, output: null);
    }

    /// <summary>The text of <paramref name="tokens"/> (invalid UTF-8 where a multi-byte character was cut becomes U+FFFD).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is neither an ordinary nor a special token.</exception>
    public string Decode(ReadOnlySpan<int> tokens) => Encoding.UTF8.GetString(DecodeBytes(tokens));

    /// <summary>The UTF-8 bytes of <paramref name="tokens"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is neither an ordinary nor a special token.</exception>
    public byte[] DecodeBytes(ReadOnlySpan<int> tokens)
    {
        var bytes = new List<byte>(tokens.Length * 4);
        foreach (int token in tokens)
        {
            byte[] piece = _ranks.BytesOf(token) ?? (_specialBytes.TryGetValue(token, out byte[]? special)
                ? special
                : throw new ArgumentOutOfRangeException(nameof(tokens), token, $"{token} is not a token of {Name}."));
            bytes.AddRange(piece);
        }

        return [.. bytes];
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private int Run(string text, bool allowSpecialTokens, List<int>? output)
    {
        if (!allowSpecialTokens || _specials.Count == 0)
        {
            return EncodeOrdinary(text, output);
        }

        int count = 0, start = 0;
        while (true)
        {
            (int at, string? special) = NextSpecial(text, start);
            count += EncodeOrdinary(text.AsSpan(start, (special is null ? text.Length : at) - start), output);
            if (special is null)
            {
                return count;
            }

            output?.Add(_specials[special]);
            count++;
            start = at + special.Length;
        }
    }

    private (int At, string? Special) NextSpecial(string text, int start)
    {
        int best = -1;
        string? found = null;
        foreach (string special in _specials.Keys)
        {
            int at = text.IndexOf(special, start, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best || (at == best && special.Length > found!.Length)))
            {
                best = at;
                found = special;
            }
        }

        return (best, found);
    }

    private int EncodeOrdinary(ReadOnlySpan<char> text, List<int>? output)
    {
        int count = 0;
        if (_pieceEnd is not null)
        {
            for (int start = 0; start < text.Length;)
            {
                int end = _pieceEnd(text, start);
                count += EncodePiece(text[start..end], output);
                start = end;
            }
        }
        else
        {
            foreach (ValueMatch match in _pattern!.EnumerateMatches(text))
            {
                if (match.Length > 0)
                {
                    count += EncodePiece(text.Slice(match.Index, match.Length), output);
                }
            }
        }

        return count;
    }

    private int EncodePiece(ReadOnlySpan<char> piece, List<int>? output)
    {
        int byteCount = Encoding.UTF8.GetMaxByteCount(piece.Length) <= StackBytes ? 0 : Encoding.UTF8.GetByteCount(piece);
        byte[]? rented = null;
        Span<byte> bytes = byteCount == 0 ? stackalloc byte[StackBytes] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            bytes = bytes[..Encoding.UTF8.GetBytes(piece, bytes)];
            if (_ranks.TryGetRank(bytes, out int whole))
            {
                output?.Add(whole);
                return 1;
            }

            if (piece.Length <= MaxCachedPieceLength && _cacheLookup.TryGetValue(piece, out int[]? cached))
            {
                output?.AddRange(cached);
                return cached.Length;
            }

            if (piece.Length > MaxCachedPieceLength)
            {
                return _ranks.Encode(bytes, output);
            }

            var merged = new List<int>(4);
            _ranks.Encode(bytes, merged);
            if (_cache.Count < MaxCacheEntries)
            {
                _cacheLookup.TryAdd(piece, [.. merged]);
            }

            output?.AddRange(merged);
            return merged.Count;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private const string Contractions = "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)";

    private const string Cl100kPattern = Contractions + @"|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private const string O200kPattern =
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+" + Contractions + "?" +
        @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*" + Contractions + "?" +
        @"|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";
}
