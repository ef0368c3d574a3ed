using HybridAI.Native.LlamaCpp;

namespace HybridAI.Native.LlamaCpp.Tests;

public sealed class LlamaCppLibraryTests : IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("hybridai-llama-").FullName;

    [NativeFact]
    public void Loads_llama_cpp_with_its_cpu_backend()
    {
        Assert.Contains("CPU", LlamaCppLibrary.Backends);
        Assert.Contains("CPU", LlamaCppLibrary.SystemInfo, StringComparison.Ordinal);
        Assert.True(LlamaCppLibrary.SupportsMmap);
    }

    [NativeFact]
    public void The_build_copies_the_libraries_beside_the_test_host()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "native", "llama");
        Assert.Equal(folder, LlamaCppLibrary.Locate());
        Assert.NotEmpty(Directory.GetFiles(folder, "libggml-cpu-*.so"));
    }

    [NativeFact]
    public void The_environment_variable_wins_over_the_copies()
    {
        var real = LlamaCppLibrary.Locate();
        var mine = Directory.CreateDirectory(Path.Combine(_empty, "mine")).FullName;
        foreach (var f in Directory.GetFiles(real, "*.so"))
        {
            File.Copy(f, Path.Combine(mine, Path.GetFileName(f)));
        }

        Assert.Equal(mine, LlamaCppLibrary.Locate(mine, AppContext.BaseDirectory, _empty));
    }

    [Fact]
    public void An_environment_variable_pointing_nowhere_is_an_error_not_a_silent_fallback()
    {
        var e = Assert.Throws<DllNotFoundException>(() => LlamaCppLibrary.Locate(_empty, AppContext.BaseDirectory, _empty));
        Assert.Contains(LlamaCppLibrary.EnvironmentVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_found_names_every_place_searched()
    {
        var cache = Path.Combine(_empty, "cache");
        var e = Assert.Throws<DllNotFoundException>(() => LlamaCppLibrary.Locate(null, _empty, cache));
        Assert.Contains(Path.Combine(_empty, "native", "llama"), e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(cache, "deps", "current", "native", "llama"), e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_empty, recursive: true);
}
