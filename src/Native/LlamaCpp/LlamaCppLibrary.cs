using System.Runtime.InteropServices;

namespace HybridAI.Native.LlamaCpp;

/// <summary>
/// Finds and loads the llama.cpp native libraries (from the npm package <c>@node-llama-cpp/linux-x64</c>) and
/// their CPU backends.
/// </summary>
/// <example>
/// <code>
/// Console.WriteLine(string.Join(", ", LlamaCppLibrary.Backends));   // "CPU"
/// Console.WriteLine(LlamaCppLibrary.SystemInfo);
/// </code>
/// </example>
/// <remarks>
/// Search order: the folder named by <see cref="EnvironmentVariable"/> (then nothing else); <c>native/llama/</c>
/// beside the executable; the npm cache filled by <c>eng/fetch-deps.sh</c>. The libraries find each other
/// through their <c>$ORIGIN</c> run path, so they must stay in one folder.
/// </remarks>
public static class LlamaCppLibrary
{
    /// <summary>Points at an existing folder holding <c>libllama*.so</c>, <c>libggml*.so</c> and the <c>libggml-cpu-*.so</c> variants.</summary>
    public const string EnvironmentVariable = "HYBRIDAI_LLAMACPP_PATH";

    private static readonly Lazy<Loaded> Library = new(Load);

    /// <summary>The folder the libraries are (or will be) loaded from.</summary>
    /// <exception cref="DllNotFoundException">Naming every place searched.</exception>
    public static string Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory, CacheFolder());

    /// <summary>Names of the ggml backends that loaded (at least <c>CPU</c>).</summary>
    public static IReadOnlyList<string> Backends => Library.Value.Backends;

    /// <summary>llama.cpp's own description of the CPU features it uses.</summary>
    public static string SystemInfo => Library.Value.SystemInfo;

    /// <summary>Whether model files can be memory-mapped.</summary>
    public static bool SupportsMmap => Library.Value.SupportsMmap;

    /// <summary>The folder the libraries were loaded from.</summary>
    public static string LoadedFrom => Library.Value.Folder;

    /// <summary>Loads the libraries and the best CPU backend once.</summary>
    public static void EnsureLoaded() => _ = Library.Value;

    /// <summary>The resolved C functions (loads the library on first use, checking its struct layouts).</summary>
    internal static Interop.LlamaApi Api => Library.Value.Api;

    internal static string Locate(string? fromEnvironment, string baseDirectory, string cacheFolder)
    {
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return FindLlama(fromEnvironment) is not null
                ? Path.GetFullPath(fromEnvironment)
                : throw new DllNotFoundException($"{EnvironmentVariable} is set to '{fromEnvironment}', but there is no libllama*.so there.");
        }

        string[] places =
        [
            Path.Combine(baseDirectory, "native", "llama"),
            Path.Combine(cacheFolder, "deps", "current", "native", "llama"),
        ];
        foreach (var place in places)
        {
            if (FindLlama(place) is not null)
            {
                return place;
            }
        }

        throw new DllNotFoundException(
            $"llama.cpp (libllama*.so) not found. Looked in: {string.Join(", ", places)}. " +
            $"Run eng/fetch-deps.sh, or set {EnvironmentVariable} to a folder holding the libraries.");
    }

    private static string? FindLlama(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "libllama*.so").Where(f => !f.EndsWith("libllama-common.so", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;

    private static string? FindGgml(string folder) =>
        Directory.EnumerateFiles(folder, "libggml*.so")
            .Where(f => Path.GetFileName(f) is var n && !n.StartsWith("libggml-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).FirstOrDefault();

    private static string CacheFolder() =>
        Environment.GetEnvironmentVariable("HYBRIDAI_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hybridai");

    private static unsafe Loaded Load()
    {
        var folder = Locate();
        var llama = NativeLibrary.Load(FindLlama(folder)!);
        var ggmlPath = FindGgml(folder) ?? throw new DllNotFoundException($"No libggml*.so beside libllama in {folder}.");
        var ggml = NativeLibrary.Load(ggmlPath);

        // Without this, model loading fails with "no backends are loaded": the default search looks next to the dotnet host.
        var loadAll = (delegate* unmanaged<byte*, void>)NativeLibrary.GetExport(ggml, "ggml_backend_load_all_from_path");
        var folderUtf8 = System.Text.Encoding.UTF8.GetBytes(folder + "\0");
        fixed (byte* p = folderUtf8)
        {
            loadAll(p);
        }

        var regCount = (delegate* unmanaged<nuint>)NativeLibrary.GetExport(ggml, "ggml_backend_reg_count");
        var regGet = (delegate* unmanaged<nuint, IntPtr>)NativeLibrary.GetExport(ggml, "ggml_backend_reg_get");
        var regName = (delegate* unmanaged<IntPtr, IntPtr>)NativeLibrary.GetExport(ggml, "ggml_backend_reg_name");
        var backends = new List<string>();
        for (nuint i = 0, n = regCount(); i < n; i++)
        {
            backends.Add(Marshal.PtrToStringUTF8(regName(regGet(i))) ?? "?");
        }

        if (backends.Count == 0)
        {
            throw new DllNotFoundException($"llama.cpp loaded from {folder} but no ggml backend loaded (are the libggml-cpu-*.so files there?).");
        }

        var api = new Interop.LlamaApi(llama);
        Interop.LayoutCheck.Verify(api, folder);
        Interop.LlamaLog.Install(api);
        var backendInit = (delegate* unmanaged<void>)NativeLibrary.GetExport(llama, "llama_backend_init");
        backendInit();
        var systemInfo = (delegate* unmanaged<IntPtr>)NativeLibrary.GetExport(llama, "llama_print_system_info");
        var supportsMmap = (delegate* unmanaged<byte>)NativeLibrary.GetExport(llama, "llama_supports_mmap");
        return new Loaded(folder, backends, Marshal.PtrToStringUTF8(systemInfo()) ?? "", supportsMmap() != 0, api);
    }

    private sealed record Loaded(string Folder, IReadOnlyList<string> Backends, string SystemInfo, bool SupportsMmap, Interop.LlamaApi Api);
}
