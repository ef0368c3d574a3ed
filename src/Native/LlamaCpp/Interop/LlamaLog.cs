using System.Runtime.InteropServices;
using System.Text;

namespace HybridAI.Native.LlamaCpp.Interop;

/// <summary>
/// Receives llama.cpp's log lines (instead of its default stderr output) so that the reason for a failed call,
/// which llama.cpp only logs, can go into the exception thrown on the calling thread.
/// </summary>
internal static unsafe class LlamaLog
{
    private const int Warn = 3;
    private const int Error = 4;

    [ThreadStatic]
    private static StringBuilder? _captured;

    public static void Install(LlamaApi api) => api.LogSet(&OnLog, IntPtr.Zero);

    /// <summary>Collects warnings and errors logged on this thread until the returned scope is disposed.</summary>
    public static Capture Begin()
    {
        _captured = new StringBuilder();
        return new Capture(_captured);
    }

    [UnmanagedCallersOnly]
    private static void OnLog(int level, byte* text, IntPtr userData)
    {
        if (_captured is { } sink && level is Warn or Error && text != null)
        {
            sink.Append(Marshal.PtrToStringUTF8((IntPtr)text));
        }
    }

    internal readonly struct Capture(StringBuilder sink) : IDisposable
    {
        /// <summary>The captured lines, trimmed and joined; empty when nothing was logged.</summary>
        public string Text => string.Join(" ", sink.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        public void Dispose() => _captured = null;
    }
}
