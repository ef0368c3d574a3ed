using Microsoft.Win32.SafeHandles;

namespace HybridAI.Native.LlamaCpp.Interop;

/// <summary>Owns a <c>llama_model*</c>.</summary>
internal sealed unsafe class ModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ModelHandle()
        : base(ownsHandle: true)
    {
    }

    public ModelHandle(IntPtr model)
        : base(ownsHandle: true) => SetHandle(model);

    protected override bool ReleaseHandle()
    {
        LlamaCppLibrary.Api.ModelFree(handle);
        return true;
    }
}

/// <summary>Owns a <c>llama_context*</c>.</summary>
internal sealed unsafe class ContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ContextHandle()
        : base(ownsHandle: true)
    {
    }

    public ContextHandle(IntPtr context)
        : base(ownsHandle: true) => SetHandle(context);

    protected override bool ReleaseHandle()
    {
        LlamaCppLibrary.Api.Free(handle);
        return true;
    }
}

/// <summary>Owns a <c>llama_sampler*</c> (a chain frees the samplers added to it).</summary>
internal sealed unsafe class SamplerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SamplerHandle()
        : base(ownsHandle: true)
    {
    }

    public SamplerHandle(IntPtr sampler)
        : base(ownsHandle: true) => SetHandle(sampler);

    protected override bool ReleaseHandle()
    {
        LlamaCppLibrary.Api.SamplerFree(handle);
        return true;
    }
}
