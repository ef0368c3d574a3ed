using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Native.OnnxRuntime.Tests;

public sealed class OnnxRuntimeLibraryTests : IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("hybridai-ort-").FullName;

    [NativeFact]
    public void Loads_the_pinned_onnx_runtime_and_reports_its_version()
    {
        Assert.Equal("1.30.0", OnnxRuntimeLibrary.Version);
        Assert.True(File.Exists(OnnxRuntimeLibrary.LoadedPath));
    }

    [NativeFact]
    public void The_build_copies_the_library_beside_the_test_host()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "native", "onnxruntime", "libonnxruntime.so.1")));
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "native", "onnxruntime", "libonnxruntime.so.1"), OnnxRuntimeLibrary.Locate());
    }

    [NativeFact]
    public void The_environment_variable_wins_over_the_copies_and_accepts_a_folder_or_a_file()
    {
        var real = OnnxRuntimeLibrary.Locate();
        var mine = Directory.CreateDirectory(Path.Combine(_empty, "mine")).FullName;
        File.Copy(real, Path.Combine(mine, "libonnxruntime.so.1"));

        Assert.Equal(Path.Combine(mine, "libonnxruntime.so.1"), OnnxRuntimeLibrary.Locate(mine, AppContext.BaseDirectory, _empty));
        Assert.Equal(Path.Combine(mine, "libonnxruntime.so.1"), OnnxRuntimeLibrary.Locate(Path.Combine(mine, "libonnxruntime.so.1"), AppContext.BaseDirectory, _empty));
    }

    [Fact]
    public void An_environment_variable_pointing_nowhere_is_an_error_not_a_silent_fallback()
    {
        var nowhere = Path.Combine(_empty, "nope");
        var e = Assert.Throws<DllNotFoundException>(() => OnnxRuntimeLibrary.Locate(nowhere, AppContext.BaseDirectory, _empty));
        Assert.Contains(OnnxRuntimeLibrary.EnvironmentVariable, e.Message, StringComparison.Ordinal);
        Assert.Contains(nowhere, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_found_names_every_place_searched()
    {
        var cache = Path.Combine(_empty, "cache");
        var e = Assert.Throws<DllNotFoundException>(() => OnnxRuntimeLibrary.Locate(null, _empty, cache));
        Assert.Contains(Path.Combine(_empty, "native", "onnxruntime"), e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(cache, "deps", "current", "native", "onnxruntime"), e.Message, StringComparison.Ordinal);
        Assert.Contains("eng/fetch-deps.sh", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_empty, recursive: true);
}
