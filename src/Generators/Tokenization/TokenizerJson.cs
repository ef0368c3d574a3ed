using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HybridAI.Generators.Tokenization;

/// <summary>An added token of a Hugging Face tokenizer: matched in the text before pre-tokenisation.</summary>
internal sealed record AddedToken(int Id, string Content, bool Special, bool LeftStrip, bool RightStrip);

/// <summary>One pre-tokenisation step: a regex split (the pieces are the matches and the gaps between them) or byte-level.</summary>
internal sealed record PreTokenizerStep(Regex? Split, bool AddPrefixSpace);

/// <summary>
/// The parts of a Hugging Face <c>tokenizer.json</c> a byte-level BPE tokenizer needs, read and checked: anything
/// this implementation would get wrong (another model type, normalizer or pre-tokenizer) is refused by name.
/// </summary>
internal sealed record TokenizerJson(
    Dictionary<string, int> Vocabulary,
    List<(string Left, string Right)> Merges,
    bool IgnoreMerges,
    string? UnknownToken,
    List<AddedToken> AddedTokens,
    List<NormalizationForm> Normalizers,
    List<PreTokenizerStep> PreTokenizers)
{
    /// <summary>GPT-2's split, used by a ByteLevel pre-tokenizer with use_regex.</summary>
    internal const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    public static TokenizerJson Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Tokenizer file not found: '{path}'.", path);
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
            return Parse(document.RootElement, path);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }
    }

    private static TokenizerJson Parse(JsonElement root, string path)
    {
        if (!root.TryGetProperty("model", out JsonElement model) || model.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"'{path}' has no 'model': not a Hugging Face tokenizer.json.");
        }

        string type = model.TryGetProperty("type", out JsonElement t) ? t.GetString() ?? "" : "BPE";
        if (type != "BPE")
        {
            throw new NotSupportedException($"'{path}': model type '{type}' is not supported; only byte-level BPE is.");
        }

        if (model.TryGetProperty("byte_fallback", out JsonElement fallback) && fallback.ValueKind == JsonValueKind.True)
        {
            throw new NotSupportedException($"'{path}': a BPE model with byte_fallback (SentencePiece style) is not supported; only byte-level BPE is.");
        }

        foreach (string affix in (string[])["continuing_subword_prefix", "end_of_word_suffix"])
        {
            if (model.TryGetProperty(affix, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
            {
                throw new NotSupportedException($"'{path}': BPE '{affix}' is not supported by the byte-level tokenizer.");
            }
        }

        if (!root.TryGetProperty("decoder", out JsonElement decoder) || !IsByteLevel(decoder))
        {
            throw new NotSupportedException($"'{path}': the decoder is not ByteLevel; only byte-level BPE tokenizers are supported.");
        }

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!model.TryGetProperty("vocab", out JsonElement vocab) || vocab.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"'{path}': model.vocab is missing.");
        }

        foreach (JsonProperty entry in vocab.EnumerateObject())
        {
            vocabulary[entry.Name] = entry.Value.GetInt32();
        }

        var merges = new List<(string, string)>();
        if (model.TryGetProperty("merges", out JsonElement mergeList) && mergeList.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement merge in mergeList.EnumerateArray())
            {
                merges.Add(ReadMerge(merge, index++, path));
            }
        }

        var added = new List<AddedToken>();
        if (root.TryGetProperty("added_tokens", out JsonElement addedList) && addedList.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement token in addedList.EnumerateArray())
            {
                string content = token.GetProperty("content").GetString() ?? "";
                if (content.Length > 0)
                {
                    added.Add(new AddedToken(token.GetProperty("id").GetInt32(), content, Flag(token, "special"), Flag(token, "lstrip"), Flag(token, "rstrip")));
                }
            }
        }

        var normalizers = new List<NormalizationForm>();
        if (root.TryGetProperty("normalizer", out JsonElement normalizer))
        {
            ReadNormalizer(normalizer, normalizers, path);
        }

        var steps = new List<PreTokenizerStep>();
        if (!root.TryGetProperty("pre_tokenizer", out JsonElement pre) || pre.ValueKind == JsonValueKind.Null)
        {
            steps.Add(new PreTokenizerStep(null, false));
        }
        else
        {
            ReadPreTokenizer(pre, steps, path);
        }

        string? unknown = model.TryGetProperty("unk_token", out JsonElement unk) && unk.ValueKind == JsonValueKind.String ? unk.GetString() : null;
        return new TokenizerJson(vocabulary, merges, Flag(model, "ignore_merges"), unknown, added, normalizers, steps);
    }

    private static (string, string) ReadMerge(JsonElement merge, int index, string path)
    {
        if (merge.ValueKind == JsonValueKind.String)
        {
            string text = merge.GetString()!;
            int space = text.IndexOf(' ', 1);
            if (space > 0 && space < text.Length - 1)
            {
                return (text[..space], text[(space + 1)..]);
            }
        }
        else if (merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2)
        {
            return (merge[0].GetString() ?? "", merge[1].GetString() ?? "");
        }

        throw new InvalidDataException($"'{path}': merge {index} is neither \"left right\" nor [left, right].");
    }

    private static void ReadNormalizer(JsonElement normalizer, List<NormalizationForm> forms, string path)
    {
        if (normalizer.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        string type = normalizer.GetProperty("type").GetString() ?? "";
        switch (type)
        {
            case "Sequence":
                foreach (JsonElement inner in normalizer.GetProperty("normalizers").EnumerateArray())
                {
                    ReadNormalizer(inner, forms, path);
                }

                break;
            case "NFC": forms.Add(NormalizationForm.FormC); break;
            case "NFD": forms.Add(NormalizationForm.FormD); break;
            case "NFKC": forms.Add(NormalizationForm.FormKC); break;
            case "NFKD": forms.Add(NormalizationForm.FormKD); break;
            default:
                throw new NotSupportedException($"'{path}': normalizer '{type}' is not supported (only NFC, NFD, NFKC, NFKD and Sequence are).");
        }
    }

    private static void ReadPreTokenizer(JsonElement pre, List<PreTokenizerStep> steps, string path)
    {
        string type = pre.GetProperty("type").GetString() ?? "";
        switch (type)
        {
            case "Sequence":
                foreach (JsonElement inner in pre.GetProperty("pretokenizers").EnumerateArray())
                {
                    ReadPreTokenizer(inner, steps, path);
                }

                break;
            case "ByteLevel":
                bool useRegex = !pre.TryGetProperty("use_regex", out JsonElement regex) || regex.ValueKind != JsonValueKind.False;
                steps.Add(new PreTokenizerStep(useRegex ? new Regex(Gpt2Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled) : null, Flag(pre, "add_prefix_space")));
                break;
            case "Digits":
                // Digits are cut out of the text (one by one with individual_digits), as Hugging Face's Digits pre-tokenizer does.
                steps.Add(new PreTokenizerStep(new Regex(Flag(pre, "individual_digits") ? @"\p{N}" : @"\p{N}+", RegexOptions.CultureInvariant | RegexOptions.Compiled), false));
                break;
            case "Split":
                string behavior = pre.TryGetProperty("behavior", out JsonElement b) ? b.GetString() ?? "" : "";
                if (behavior != "Isolated" || Flag(pre, "invert"))
                {
                    throw new NotSupportedException($"'{path}': Split pre-tokenizer with behavior '{behavior}'{(Flag(pre, "invert") ? " inverted" : "")} is not supported (only Isolated).");
                }

                JsonElement pattern = pre.GetProperty("pattern");
                string source = pattern.TryGetProperty("Regex", out JsonElement r) ? r.GetString()!
                    : pattern.TryGetProperty("String", out JsonElement s) ? Regex.Escape(s.GetString()!)
                    : throw new InvalidDataException($"'{path}': Split pattern is neither Regex nor String.");
                try
                {
                    steps.Add(new PreTokenizerStep(new Regex(PossessiveQuantifiers.ToAtomic(source), RegexOptions.CultureInvariant | RegexOptions.Compiled), false));
                }
                catch (ArgumentException e)
                {
                    throw new NotSupportedException($"'{path}': the Split regex cannot be used by .NET ({e.Message}).", e);
                }

                break;
            default:
                throw new NotSupportedException($"'{path}': pre-tokenizer '{type}' is not supported (only ByteLevel, Split, Digits and Sequence are).");
        }
    }

    private static bool IsByteLevel(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out JsonElement type) && type.GetString() switch
        {
            "ByteLevel" => true,
            "Sequence" => element.TryGetProperty("decoders", out JsonElement inner) && inner.EnumerateArray().Any(IsByteLevel),
            _ => false,
        };

    private static bool Flag(JsonElement element, string name) => element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;
}
