using System.Text;
using System.Text.Json;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// Reads one of npm <c>js-tiktoken</c>'s rank modules (<c>dist/ranks/NAME.cjs</c> or <c>.js</c>): a JavaScript object
/// literal with <c>pat_str</c> (the pre-tokenisation regex), <c>special_tokens</c> (text → id) and <c>bpe_ranks</c>,
/// lines of the form <c>"! FIRST B64 B64 …"</c> where the i-th base64 token after FIRST has rank FIRST + i.
/// </summary>
internal sealed record TiktokenRankFile(string Pattern, IReadOnlyDictionary<string, int> SpecialTokens, Dictionary<byte[], int> Ranks)
{
    public static TiktokenRankFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"tiktoken rank file not found: '{path}'. Run eng/fetch-deps.sh (npm js-tiktoken@1.0.21).", path);
        }

        string text = File.ReadAllText(path, Encoding.UTF8);
        int open = text.IndexOf('{', StringComparison.Ordinal), close = text.LastIndexOf('}');
        if (open < 0 || close < open)
        {
            throw new InvalidDataException($"'{path}' is not a js-tiktoken rank module: no object literal found.");
        }

        try
        {
            using var json = JsonDocument.Parse(text.AsMemory(open, close - open + 1));
            JsonElement root = json.RootElement;
            string pattern = Property(root, "pat_str", path).GetString() ?? throw new InvalidDataException($"'{path}': pat_str is null.");
            var specials = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (JsonProperty special in Property(root, "special_tokens", path).EnumerateObject())
            {
                specials[special.Name] = special.Value.GetInt32();
            }

            return new TiktokenRankFile(pattern, specials, ParseRanks(Property(root, "bpe_ranks", path).GetString() ?? string.Empty, path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a js-tiktoken rank module: {e.Message}", e);
        }
    }

    private static JsonElement Property(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out JsonElement value) ? value : throw new InvalidDataException($"'{path}' lacks '{name}'.");

    private static Dictionary<byte[], int> ParseRanks(string compact, string path)
    {
        var ranks = new Dictionary<byte[], int>(200_000, ByteSpanComparer.Instance);
        Span<byte> decoded = stackalloc byte[256];
        int lineNumber = 0;
        foreach (ReadOnlySpan<char> line in compact.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.IsEmpty)
            {
                continue;
            }

            int field = 0, rank = 0;
            foreach (Range range in line.Split(' '))
            {
                ReadOnlySpan<char> token = line[range];
                if (field++ == 0)
                {
                    continue;
                }

                if (field == 2)
                {
                    rank = int.TryParse(token, out int first) && first >= 0
                        ? first
                        : throw new InvalidDataException($"'{path}', bpe_ranks line {lineNumber}: '{token}' is not a rank.");
                    continue;
                }

                if (!Convert.TryFromBase64Chars(token, decoded, out int length) || length == 0)
                {
                    throw new InvalidDataException($"'{path}', bpe_ranks line {lineNumber}: token {field - 2} is not base64 bytes.");
                }

                if (!ranks.TryAdd(decoded[..length].ToArray(), rank++))
                {
                    throw new InvalidDataException($"'{path}', bpe_ranks line {lineNumber}: a token appears twice.");
                }
            }
        }

        return ranks;
    }
}
