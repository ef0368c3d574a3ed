using System.Text.Json;

namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>
/// The files of a decoder-only model in the Hugging Face Optimum layout: the ONNX graph, <c>tokenizer.json</c>, and the
/// optional <c>tokenizer_config.json</c> (chat template, special tokens), <c>generation_config.json</c> (end tokens,
/// sampling defaults) and <c>config.json</c> (context length, attention shape).
/// </summary>
internal sealed class ModelFolder
{
    /// <summary>Where the graph is looked for, in order, when no file name is given.</summary>
    public static readonly string[] ModelCandidates = ["model.onnx", "decoder_model_merged.onnx", Path.Combine("onnx", "model.onnx"), Path.Combine("onnx", "decoder_model_merged.onnx")];

    private ModelFolder(string directory, string modelPath)
    {
        Directory = directory;
        ModelPath = modelPath;
        TokenizerPath = Path.Combine(directory, "tokenizer.json");
        TokenizerConfig = ReadOptional(Path.Combine(directory, "tokenizer_config.json"));
        GenerationConfig = ReadOptional(Path.Combine(directory, "generation_config.json"));
        Config = ReadOptional(Path.Combine(directory, "config.json"));
    }

    public string Directory { get; }

    public string ModelPath { get; }

    public string TokenizerPath { get; }

    public JsonElement? TokenizerConfig { get; }

    public JsonElement? GenerationConfig { get; }

    public JsonElement? Config { get; }

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The graph or tokenizer.json is missing (the message lists where it looked).</exception>
    public static ModelFolder Open(string directory, string? modelFileName)
    {
        string full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Model folder not found: '{full}'.");
        }

        string[] candidates = modelFileName is null ? ModelCandidates : [modelFileName];
        string? model = candidates.Select(c => Path.Combine(full, c)).FirstOrDefault(File.Exists);
        if (model is null)
        {
            throw new FileNotFoundException(
                $"No ONNX decoder model in '{full}': looked for {string.Join(", ", candidates)}. Export one with Hugging Face Optimum (optimum-cli export onnx --task text-generation-with-past).",
                Path.Combine(full, candidates[0]));
        }

        var folder = new ModelFolder(full, model);
        if (!File.Exists(folder.TokenizerPath))
        {
            throw new FileNotFoundException($"The model folder '{full}' has no tokenizer.json (the model's Hugging Face tokenizer is needed).", folder.TokenizerPath);
        }

        return folder;
    }

    /// <summary>A number from config.json, or null.</summary>
    public int? ConfigInt(string name) => Config is { } config && config.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n) ? n : null;

    /// <summary>Token ids listed under <paramref name="name"/> (a number or an array of numbers).</summary>
    public static IEnumerable<int> Ids(JsonElement? element, string name)
    {
        if (element is not { } e || !e.TryGetProperty(name, out JsonElement value))
        {
            yield break;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int one))
        {
            yield return one;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out int id))
                {
                    yield return id;
                }
            }
        }
    }

    /// <summary>A token's text from tokenizer_config.json: a string, or an object with "content".</summary>
    public string? TokenText(string name) =>
        TokenizerConfig is { } config && config.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()
            : value.ValueKind == JsonValueKind.Object && value.TryGetProperty("content", out JsonElement content) ? content.GetString()
            : null
            : null;

    /// <summary>The chat template text (the default one when tokenizer_config.json lists several), or null.</summary>
    public string? ChatTemplate()
    {
        if (TokenizerConfig is not { } config || !config.TryGetProperty("chat_template", out JsonElement template))
        {
            return null;
        }

        if (template.ValueKind == JsonValueKind.String)
        {
            return template.GetString();
        }

        if (template.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement named in template.EnumerateArray())
            {
                if (named.TryGetProperty("name", out JsonElement n) && n.GetString() == "default" && named.TryGetProperty("template", out JsonElement t))
                {
                    return t.GetString();
                }
            }
        }

        return null;
    }

    private static JsonElement? ReadOptional(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new InvalidDataException($"'{path}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }
    }
}
