using HybridAI.Retrieval.Stores;

namespace HybridAI.Retrieval.Tests.Stores;

public sealed class EmbedderSpecTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("hash", "hash:1024")]
    [InlineData(" HASH:256 ", "hash:256")]
    [InlineData("glove", "glove")]
    public void Specs_have_one_canonical_form(string text, string canonical) => Assert.Equal(canonical, EmbedderSpec.Parse(text).ToString());

    [Fact]
    public void An_onnx_folder_means_its_model_file_and_paths_become_absolute()
    {
        Assert.Equal("onnx:" + Path.Combine(_dir.Path, "model.onnx"), EmbedderSpec.Parse("onnx:" + _dir.Path).ToString());
        Assert.Equal("onnx:" + Path.GetFullPath("m.onnx"), EmbedderSpec.Parse("onnx:m.onnx").ToString());
    }

    [Theory]
    [InlineData("bert", "Unknown embedder 'bert'")]
    [InlineData("glove:300", "Unknown embedder 'glove:300'")]
    [InlineData("onnx:", "Unknown embedder 'onnx:'")]
    [InlineData("hash:8", "hash:DIMENSIONS takes a whole number from 16 to 1048576")]
    [InlineData("hash:-5", "hash:DIMENSIONS takes a whole number")]
    public void Unknown_specs_say_which_forms_exist(string text, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => EmbedderSpec.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_hash_spec_makes_vectors_of_its_dimension()
    {
        using var generator = EmbedderSpec.Parse("hash:64").Create();
        (int dimensions, string modelId) = EmbedderSpec.Describe(generator);
        Assert.Equal(64, dimensions);
        Assert.StartsWith("hashing-v1-d64-", modelId, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
