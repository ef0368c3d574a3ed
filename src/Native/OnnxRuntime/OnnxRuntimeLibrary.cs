using System.Runtime.InteropServices;

namespace HybridAI.Native.OnnxRuntime;

/// <summary>
/// Finds and loads the ONNX Runtime native library (1.30, from the npm package <c>onnxruntime-node</c>).
/// </summary>
/// <example>
/// <code>
/// Console.WriteLine(OnnxRuntimeLibrary.Version);   // "1.30.0"
/// </code>
/// </example>
/// <remarks>
/// Search order: the file or folder named by <see cref="EnvironmentVariable"/> (then nothing else, so a wrong
/// setting is an error rather than a silent fallback); <c>native/onnxruntime/</c> beside the executable (copied
/// there by the build); the npm cache filled by <c>eng/fetch-deps.sh</c> (<c>$HYBRIDAI_CACHE</c> or
/// <c>~/.cache/hybridai</c>, then <c>deps/current/native/onnxruntime</c>).
/// </remarks>
public static class OnnxRuntimeLibrary
{
    /// <summary>Points at an existing <c>libonnxruntime.so.1</c> (the file or its folder).</summary>
    public const string EnvironmentVariable = "HYBRIDAI_ONNXRUNTIME_PATH";

    /// <summary>The highest C API version ONNX Runtime 1.30 serves.</summary>
    public const uint ApiVersion = 30;

    private const string FileName = "libonnxruntime.so.1";
    private static readonly Lazy<Loaded> Library = new(Load);

    /// <summary>The full path of the library that is (or will be) loaded.</summary>
    /// <exception cref="DllNotFoundException">Naming every place searched.</exception>
    public static string Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory, CacheFolder());

    /// <summary>The loaded library's version string, e.g. <c>1.30.0</c>.</summary>
    public static string Version => Library.Value.Version;

    /// <summary>The path it was loaded from.</summary>
    public static string LoadedPath => Library.Value.Path;

    /// <summary>Loads the library once and makes <c>[DllImport("onnxruntime")]</c> in this assembly resolve to it.</summary>
    public static void EnsureLoaded() => _ = Library.Value;

    /// <summary>The <c>OrtApi*</c> for <see cref="ApiVersion"/>: the table of C API function pointers.</summary>
    internal static IntPtr ApiTable => Library.Value.Api;

    internal static string Locate(string? fromEnvironment, string baseDirectory, string cacheFolder)
    {
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var candidate = Directory.Exists(fromEnvironment) ? Path.Combine(fromEnvironment, FileName) : fromEnvironment;
            return File.Exists(candidate)
                ? Path.GetFullPath(candidate)
                : throw new DllNotFoundException($"{EnvironmentVariable} is set to '{fromEnvironment}', but there is no {FileName} there.");
        }

        string[] places =
        [
            Path.Combine(baseDirectory, "native", "onnxruntime", FileName),
            Path.Combine(cacheFolder, "deps", "current", "native", "onnxruntime", FileName),
        ];
        foreach (var place in places)
        {
            if (File.Exists(place))
            {
                return place;
            }
        }

        throw new DllNotFoundException(
            $"ONNX Runtime ({FileName}) not found. Looked in: {string.Join(", ", places)}. " +
            $"Run eng/fetch-deps.sh, or set {EnvironmentVariable} to an existing library.");
    }

    internal static string CacheFolder() =>
        Environment.GetEnvironmentVariable("HYBRIDAI_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hybridai");

    private static unsafe Loaded Load()
    {
        var path = Locate();
        var handle = NativeLibrary.Load(path);
        var getApiBase = (delegate* unmanaged<OrtApiBase*>)NativeLibrary.GetExport(handle, "OrtGetApiBase");
        var apiBase = getApiBase();
        var api = apiBase->GetApi(ApiVersion);
        if (api == IntPtr.Zero)
        {
            throw new DllNotFoundException($"{path} does not serve ONNX Runtime C API version {ApiVersion}; ONNX Runtime 1.30 or later is needed.");
        }

        var version = Marshal.PtrToStringUTF8(apiBase->GetVersionString()) ?? "";
        NativeLibrary.SetDllImportResolver(typeof(OnnxRuntimeLibrary).Assembly,
            (name, _, _) => name is "onnxruntime" or "libonnxruntime" ? handle : IntPtr.Zero);
        return new Loaded(path, version, api);
    }

    private sealed record Loaded(string Path, string Version, IntPtr Api);

    /// <summary>The first struct the C API hands out: two function pointers (onnxruntime_c_api.h, OrtApiBase).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct OrtApiBase
    {
        public delegate* unmanaged<uint, IntPtr> GetApi;
        public delegate* unmanaged<IntPtr> GetVersionString;
    }
}
