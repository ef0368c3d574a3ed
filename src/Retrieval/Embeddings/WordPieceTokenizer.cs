using System.Text;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// BERT's tokenizer over a vocab.txt (one token per line, the id is the line number): basic tokenization
/// (<see cref="BertBasicTokenizer"/>), then greedy longest-match-first WordPiece, where a piece that does not start
/// a word is looked up with a <c>##</c> prefix. A word with no complete split, or longer than
/// <see cref="MaxCharsPerWord"/> characters, becomes one <c>[UNK]</c>. Immutable, so one instance serves many threads.
/// </summary>
internal sealed class WordPieceTokenizer
{
    /// <summary>Words longer than this (in Unicode code points) are <c>[UNK]</c> without trying, as in BERT.</summary>
    public const int MaxCharsPerWord = 100;

    private const string Continuation = "##";

    private static readonly string[] SpecialTokens = ["[CLS]", "[SEP]", "[UNK]", "[PAD]"];

    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _tokens;
    private readonly bool _lowerCase;
    private readonly bool _stripAccents;

    private WordPieceTokenizer(string[] tokens, bool lowerCase, bool stripAccents, string source)
    {
        _tokens = tokens;
        _lowerCase = lowerCase;
        _stripAccents = stripAccents;
        _ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Length; i++)
        {
            // A repeated line maps to its last id, as BERT's load_vocab does.
            _ids[tokens[i]] = i;
        }

        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        string[] missing = [.. SpecialTokens.Where(t => !_ids.ContainsKey(t))];
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"The vocabulary {source} lacks the special token(s) {string.Join(", ", missing)}; a BERT vocab.txt has [PAD], [UNK], [CLS] and [SEP].");
        }

        ClsId = _ids["[CLS]"];
        SepId = _ids["[SEP]"];
        UnkId = _ids["[UNK]"];
        PadId = _ids["[PAD]"];
    }

    /// <summary>The id of <c>[CLS]</c>, which starts every sequence.</summary>
    public int ClsId { get; }

    /// <summary>The id of <c>[SEP]</c>, which ends every sequence.</summary>
    public int SepId { get; }

    /// <summary>The id of <c>[UNK]</c>.</summary>
    public int UnkId { get; }

    /// <summary>The id of <c>[PAD]</c>, which fills a short sequence up to the batch's length.</summary>
    public int PadId { get; }

    /// <summary>The number of lines of the vocabulary.</summary>
    public int Count => _tokens.Length;

    /// <summary>Reads a vocab.txt (UTF-8, one token per line).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names it).</exception>
    /// <exception cref="InvalidDataException">The file is empty or lacks [CLS], [SEP], [UNK] or [PAD].</exception>
    public static WordPieceTokenizer FromFile(string path, bool lowerCase, bool stripAccents)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"WordPiece vocabulary file not found: '{full}'.", full);
        }

        string[] tokens = File.ReadAllLines(full, Encoding.UTF8);
        if (tokens.Length == 0)
        {
            throw new InvalidDataException($"The vocabulary '{full}' is empty; expected one token per line.");
        }

        return new WordPieceTokenizer(tokens, lowerCase, stripAccents, $"'{full}'");
    }

    /// <summary>A tokenizer over tokens already in memory (line i is id i).</summary>
    public static WordPieceTokenizer FromTokens(IReadOnlyList<string> tokens, bool lowerCase = true, bool stripAccents = true)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new InvalidDataException("The vocabulary is empty.");
        }

        return new WordPieceTokenizer([.. tokens], lowerCase, stripAccents, "given");
    }

    /// <summary>The token on line <paramref name="id"/>.</summary>
    public string TokenOf(int id) => _tokens[id];

    /// <summary>
    /// <c>[CLS]</c>, the word pieces of <paramref name="text"/> and <c>[SEP]</c>, at most <paramref name="maxLength"/>
    /// ids in all: the pieces are cut at <paramref name="maxLength"/> − 2, so a long text keeps its beginning.
    /// </summary>
    public int[] Encode(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var ids = new List<int>(Math.Min(maxLength, 64)) { ClsId };
        int budget = maxLength - 2;
        var words = new List<string>();
        BertBasicTokenizer.Split(text ?? string.Empty, _lowerCase, _stripAccents, words);
        Span<char> buffer = stackalloc char[Continuation.Length + (2 * MaxCharsPerWord)];
        foreach (string word in words)
        {
            if (ids.Count - 1 >= budget)
            {
                break;
            }

            AddPieces(word, ids, buffer, budget + 1);
        }

        ids.Add(SepId);
        return [.. ids];
    }

    /// <summary>The word pieces of <paramref name="text"/>, without [CLS] and [SEP] and without any length limit.</summary>
    public IReadOnlyList<string> Tokenize(string text)
    {
        int[] ids = Encode(text, int.MaxValue);
        return [.. ids[1..^1].Select(TokenOf)];
    }

    private void AddPieces(string word, List<int> ids, Span<char> buffer, int limit)
    {
        if (word.Length > 2 * MaxCharsPerWord || CodePoints(word) > MaxCharsPerWord)
        {
            ids.Add(UnkId);
            return;
        }

        int firstPiece = ids.Count;
        int start = 0;
        while (start < word.Length)
        {
            int end = word.Length;
            int found = -1;
            while (end > start)
            {
                ReadOnlySpan<char> piece = word.AsSpan(start, end - start);
                ReadOnlySpan<char> key = piece;
                if (start > 0)
                {
                    Continuation.CopyTo(buffer);
                    piece.CopyTo(buffer[Continuation.Length..]);
                    key = buffer[..(Continuation.Length + piece.Length)];
                }

                if (_lookup.TryGetValue(key, out int id))
                {
                    found = id;
                    break;
                }

                // Shrink by one code point, never splitting a surrogate pair.
                end -= end - 2 >= start && char.IsLowSurrogate(word[end - 1]) && char.IsHighSurrogate(word[end - 2]) ? 2 : 1;
            }

            if (found < 0)
            {
                ids.RemoveRange(firstPiece, ids.Count - firstPiece);
                ids.Add(UnkId);
                return;
            }

            ids.Add(found);
            start = end;
        }

        // A word cut by the length limit keeps its first pieces, as BERT's truncation of the piece list does.
        if (ids.Count > limit)
        {
            ids.RemoveRange(limit, ids.Count - limit);
        }
    }

    private static int CodePoints(string word)
    {
        int count = 0;
        foreach (Rune _ in word.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
