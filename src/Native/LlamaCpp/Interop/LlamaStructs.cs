using System.Runtime.InteropServices;

namespace HybridAI.Native.LlamaCpp.Interop;

// Layouts of the pinned build (reports 0.5.0), derived from llama_*_default_params() into marker-filled buffers
// (see LayoutCheck): they differ from the llama.h copies in public indexes, so only the fields we set are named and
// the rest travel as opaque bytes, exactly as the library filled them.

/// <summary><c>struct llama_model_params</c> (80 bytes): passed through unchanged from the library's defaults.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct ModelParams
{
    public const int Size = 80;
    public const int NGpuLayersOffset = 16;

    [FieldOffset(NGpuLayersOffset)] public int NGpuLayers;
}

/// <summary><c>struct llama_context_params</c> (160 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal struct ContextParams
{
    public const int Size = 160;

    [FieldOffset(0)] public uint NCtx;
    [FieldOffset(4)] public uint NBatch;
    [FieldOffset(8)] public uint NUbatch;
    [FieldOffset(12)] public uint NSeqMax;
    [FieldOffset(28)] public int NThreads;
    [FieldOffset(32)] public int NThreadsBatch;
    [FieldOffset(52)] public int FlashAttnType;
    [FieldOffset(104)] public int TypeK;
    [FieldOffset(108)] public int TypeV;
}

/// <summary><c>struct llama_batch</c>: unchanged for many releases; we fill only tokens (positions and outputs automatic).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Batch
{
    public int NTokens;
    public int* Token;
    public float* Embd;
    public int* Pos;
    public int* NSeqId;
    public int** SeqId;
    public sbyte* Logits;
}

/// <summary><c>struct llama_chat_message</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ChatMessageNative
{
    public byte* Role;
    public byte* Content;
}

/// <summary><c>struct llama_sampler_chain_params</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SamplerChainParams
{
    public byte NoPerf;
}

/// <summary><c>struct llama_token_data</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TokenData
{
    public int Id;
    public float Logit;
    public float P;
}

/// <summary><c>struct llama_token_data_array</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TokenDataArray
{
    public TokenData* Data;
    public nuint Size;
    public long Selected;
    public byte Sorted;
}
