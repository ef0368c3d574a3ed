using System.Runtime.InteropServices;

namespace HybridAI.Native.OnnxRuntime.Interop;

/// <summary>An ORT object released by its own Release function; SafeHandle gives ref-counting against a concurrent Dispose and a finalizer.</summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle(nint raw)
        : base(0, ownsHandle: true) => SetHandle(raw);

    public override bool IsInvalid => handle == 0;
}

internal sealed unsafe class OrtSessionOptionsHandle(nint raw) : OrtHandle(raw)
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseSessionOptions(handle);
        return true;
    }
}

internal sealed unsafe class OrtMemoryInfoHandle(nint raw) : OrtHandle(raw)
{
    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseMemoryInfo(handle);
        return true;
    }
}

/// <summary>A session plus the input/output names ORT allocated for it: the names are passed to every Run, so they live exactly as long as the session.</summary>
internal sealed unsafe class OrtSessionHandle(nint raw) : OrtHandle(raw)
{
    public nint[] InputNames { get; set; } = [];

    public nint[] OutputNames { get; set; } = [];

    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseSession(handle);
        Free(InputNames);
        Free(OutputNames);

        return true;
    }

    private static void Free(nint[] names)
    {
        foreach (var name in names)
        {
            if (name != 0)
            {
                var status = OrtApi.AllocatorFree(OrtEnvironment.Allocator, (void*)name);
                if (status != 0)
                {
                    OrtApi.ReleaseStatus(status);
                }
            }
        }
    }
}

/// <summary>An OrtValue, and the pin on the managed buffer it reads from (freed only after ORT let go of the value).</summary>
internal sealed unsafe class OrtValueHandle(nint raw, GCHandle pin = default) : OrtHandle(raw)
{
    private GCHandle _pin = pin;

    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseValue(handle);
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }

        return true;
    }
}

/// <summary>Run options for one cancellable run: the token's callback sets ORT's terminate flag.</summary>
internal sealed unsafe class OrtRunOptionsHandle(nint raw) : OrtHandle(raw)
{
    public static OrtRunOptionsHandle Create()
    {
        nint raw;
        OrtApi.Check(OrtApi.CreateRunOptions(&raw));
        return new OrtRunOptionsHandle(raw);
    }

    public void Terminate()
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            OrtApi.Check(OrtApi.RunOptionsSetTerminate(handle));
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    public void Unterminate() => OrtApi.Check(OrtApi.RunOptionsUnsetTerminate(handle));

    protected override bool ReleaseHandle()
    {
        OrtApi.ReleaseRunOptions(handle);
        return true;
    }
}
