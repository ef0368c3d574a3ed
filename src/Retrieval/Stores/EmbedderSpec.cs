using System.Globalization;
using HybridAI.Retrieval.Embeddings;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Stores;

/// <summary>
/// An embedder named the way a user types it: <c>hash</c> or <c>hash:DIMENSIONS</c> (<see cref="HashingEmbeddingGenerator"/>),
/// <c>glove</c> (<see cref="WordVectorEmbeddingGenerator"/> over <see cref="WinkWordVectors"/>) or <c>onnx:MODEL</c>
/// (<see cref="OnnxSentenceEmbeddingGenerator"/>; MODEL is the .onnx file or a folder holding model.onnx and vocab.txt).
/// <see cref="ToString"/> gives the canonical form stored in a store's manifest, so two specs are the same embedder
/// exactly when their strings are equal.
/// </summary>
internal sealed record EmbedderSpec(string Kind, string? Argument)
{
    public const string Hash = "hash";
    public const string Glove = "glove";
    public const string Onnx = "onnx";
    private const string OnnxModelFileName = "model.onnx";

    /// <exception cref="ArgumentException">The text is not one of the forms above; the message lists them.</exception>
    public static EmbedderSpec Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        string trimmed = text.Trim();
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string kind = (colon < 0 ? trimmed : trimmed[..colon]).ToLowerInvariant();
        string? argument = colon < 0 ? null : trimmed[(colon + 1)..];
        switch (kind)
        {
            case Hash when argument is null:
                return new EmbedderSpec(Hash, new HashingEmbeddingOptions().Dimensions.ToString(CultureInfo.InvariantCulture));
            case Hash:
                if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int dimensions)
                    || dimensions < HashingEmbeddingOptions.MinDimensions || dimensions > HashingEmbeddingOptions.MaxDimensions)
                {
                    throw new ArgumentException(FormattableString.Invariant(
                        $"Embedder '{text}': hash:DIMENSIONS takes a whole number from {HashingEmbeddingOptions.MinDimensions} to {HashingEmbeddingOptions.MaxDimensions}."), nameof(text));
                }

                return new EmbedderSpec(Hash, dimensions.ToString(CultureInfo.InvariantCulture));
            case Glove when argument is null:
                return new EmbedderSpec(Glove, null);
            case Onnx when !string.IsNullOrWhiteSpace(argument):
                string model = Path.GetFullPath(argument);
                return new EmbedderSpec(Onnx, Directory.Exists(model) ? Path.Combine(model, OnnxModelFileName) : model);
            default:
                throw new ArgumentException($"Unknown embedder '{text}': use hash, hash:DIMENSIONS, glove or onnx:MODEL (an .onnx file or a folder with model.onnx and vocab.txt).", nameof(text));
        }
    }

    /// <summary>"hash:1024", "glove", "onnx:/models/minilm/model.onnx".</summary>
    public override string ToString() => Argument is null ? Kind : Kind + ":" + Argument;

    /// <summary>Loads the embedder. The caller disposes it; for glove that also releases the memory-mapped word vectors.</summary>
    /// <exception cref="FileNotFoundException">The word vectors or the ONNX model (or its vocabulary) are missing; the message names them.</exception>
    public IEmbeddingGenerator<string, Embedding<float>> Create()
    {
        switch (Kind)
        {
            case Hash:
                return new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = int.Parse(Argument!, CultureInfo.InvariantCulture) });
            case Glove:
                WordVectors vectors = WinkWordVectors.Open();
                try
                {
                    return new OwningEmbeddingGenerator(new WordVectorEmbeddingGenerator(vectors), vectors);
                }
                catch
                {
                    vectors.Dispose();
                    throw;
                }

            default:
                return new OnnxSentenceEmbeddingGenerator(new OnnxSentenceEmbeddingOptions { ModelPath = Argument! });
        }
    }

    /// <summary>The vector length and model id an embedder reports (every embedder made by <see cref="Create"/> reports both).</summary>
    public static (int Dimensions, string ModelId) Describe(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        return (metadata?.DefaultModelDimensions ?? 0, metadata?.DefaultModelId ?? "unknown");
    }

    /// <summary>Disposes a resource the inner generator borrows (word vectors) along with it.</summary>
    private sealed class OwningEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, IDisposable owned)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                owned.Dispose();
            }
        }
    }
}
