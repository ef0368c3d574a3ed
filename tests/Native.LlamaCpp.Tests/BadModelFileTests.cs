using HybridAI.Tests.Gguf;

namespace HybridAI.Native.LlamaCpp.Tests;

public sealed class BadModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridai-badgguf-").FullName;

    [NativeFact]
    public void A_missing_file_names_the_file()
    {
        var path = Path.Combine(_folder, "missing.gguf");
        var e = Assert.Throws<LlamaModelLoadException>(() => LlamaModel.Load(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_text_file_is_not_gguf()
    {
        var path = Write("notes.gguf", "just some text, not a model at all"u8.ToArray());
        var e = Assert.Throws<LlamaModelLoadException>(() => LlamaModel.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("not a GGUF file", e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void An_empty_file_is_truncated()
    {
        var e = Assert.Throws<LlamaModelLoadException>(() => LlamaModel.Load(Write("empty.gguf", [])));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_file_cut_in_its_metadata_fails_cleanly()
    {
        var whole = File.ReadAllBytes(TinyLlamaModel.SharedPath);
        var path = Write("cut-metadata.gguf", whole[..4096]);
        var e = Assert.Throws<LlamaModelLoadException>(() => LlamaModel.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("failed to read key-value pairs", e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_file_cut_in_its_tensor_data_fails_cleanly()
    {
        var whole = File.ReadAllBytes(TinyLlamaModel.SharedPath);
        var path = Write("cut-tensors.gguf", whole[..(whole.Length - 100_000)]);
        var e = Assert.Throws<LlamaModelLoadException>(() => LlamaModel.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("not within the file bounds", e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_corrupt_header_fails_cleanly()
    {
        var bytes = File.ReadAllBytes(TinyLlamaModel.SharedPath);
        BitConverter.GetBytes(ulong.MaxValue / 3).CopyTo(bytes, 16); // an absurd metadata count
        var path = Write("corrupt.gguf", bytes);
        var e = Assert.Throws<LlamaModelLoadException>(() => LlamaModel.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("number of key value pairs", e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void A_corrupt_key_fails_cleanly()
    {
        var bytes = File.ReadAllBytes(TinyLlamaModel.SharedPath);
        var at = IndexOf(bytes, "general.architecture"u8);
        BitConverter.GetBytes(uint.MaxValue).CopyTo(bytes, at + "general.architecture".Length); // its value type
        var path = Write("corrupt-key.gguf", bytes);
        var e = Assert.Throws<LlamaModelLoadException>(() => LlamaModel.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("invalid GGUF type", e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void An_unknown_gguf_version_is_refused()
    {
        var bytes = File.ReadAllBytes(TinyLlamaModel.SharedPath)[..64];
        BitConverter.GetBytes(99u).CopyTo(bytes, 4);
        var e = Assert.Throws<LlamaModelLoadException>(() => LlamaModel.Load(Write("v99.gguf", bytes)));
        Assert.Contains("version 99", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
