using System.Text;

namespace HybridAI.Native.OnnxRuntime.Interop;

/// <summary>
/// The process-wide OrtEnv, default allocator and CPU memory info. ORT wants one env per process; it is created on
/// first use and deliberately never released (releasing it while the runtime shuts down races ORT's own teardown).
/// </summary>
internal static unsafe class OrtEnvironment
{
    private const int LoggingLevelError = 3;     // OrtLoggingLevel: ORT_LOGGING_LEVEL_ERROR, so warnings don't spam stderr
    private const int ArenaAllocator = 1;        // OrtAllocatorType: OrtArenaAllocator
    private const int MemTypeDefault = 0;        // OrtMemType: OrtMemTypeDefault

    private static readonly Lazy<State> Shared = new(Create);

    public static nint Env => Shared.Value.Env;

    /// <summary>The default CPU allocator; ORT owns it (never freed).</summary>
    public static nint Allocator => Shared.Value.Allocator;

    public static nint CpuMemory => Shared.Value.CpuMemory.DangerousGetHandle();

    private static State Create()
    {
        OnnxRuntimeLibrary.EnsureLoaded();
        nint env;
        var logId = "hybridai\0"u8;
        fixed (byte* id = logId)
        {
            OrtApi.Check(OrtApi.CreateEnv(LoggingLevelError, id, &env));
        }

        nint allocator;
        OrtApi.Check(OrtApi.GetAllocatorWithDefaultOptions(&allocator));
        nint memory;
        OrtApi.Check(OrtApi.CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &memory));
        return new State(env, allocator, new OrtMemoryInfoHandle(memory));
    }

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="text"/>.</summary>
    public static byte[] Utf8z(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private sealed record State(nint Env, nint Allocator, OrtMemoryInfoHandle CpuMemory);
}
