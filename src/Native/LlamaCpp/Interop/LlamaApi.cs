using System.Runtime.InteropServices;

namespace HybridAI.Native.LlamaCpp.Interop;

/// <summary>The llama.cpp C functions the binding uses, resolved once from the loaded library by name.</summary>
internal sealed unsafe class LlamaApi
{
    public LlamaApi(IntPtr library)
    {
        IntPtr Get(string name) => NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new EntryPointNotFoundException($"The loaded llama.cpp library has no '{name}': it is not the pinned build (npm @node-llama-cpp/linux-x64).");

        DefaultModelParamsInto = (delegate* unmanaged<byte*, byte*>)Get("llama_model_default_params");
        DefaultContextParamsInto = (delegate* unmanaged<byte*, byte*>)Get("llama_context_default_params");
        ModelDefaultParams = (delegate* unmanaged<ModelParams>)Get("llama_model_default_params");
        ContextDefaultParams = (delegate* unmanaged<ContextParams>)Get("llama_context_default_params");
        ModelLoadFromFile = (delegate* unmanaged<byte*, ModelParams, IntPtr>)Get("llama_model_load_from_file");
        ModelFree = (delegate* unmanaged<IntPtr, void>)Get("llama_model_free");
        ModelGetVocab = (delegate* unmanaged<IntPtr, IntPtr>)Get("llama_model_get_vocab");
        ModelNCtxTrain = (delegate* unmanaged<IntPtr, int>)Get("llama_model_n_ctx_train");
        ModelDesc = (delegate* unmanaged<IntPtr, byte*, nuint, int>)Get("llama_model_desc");
        ModelChatTemplate = (delegate* unmanaged<IntPtr, byte*, byte*>)Get("llama_model_chat_template");
        ChatApplyTemplate = (delegate* unmanaged<byte*, ChatMessageNative*, nuint, byte, byte*, int, int>)Get("llama_chat_apply_template");
        VocabNTokens = (delegate* unmanaged<IntPtr, int>)Get("llama_vocab_n_tokens");
        VocabBos = (delegate* unmanaged<IntPtr, int>)Get("llama_vocab_bos");
        VocabEos = (delegate* unmanaged<IntPtr, int>)Get("llama_vocab_eos");
        VocabIsEog = (delegate* unmanaged<IntPtr, int, byte>)Get("llama_vocab_is_eog");
        VocabGetAddBos = (delegate* unmanaged<IntPtr, byte>)Get("llama_vocab_get_add_bos");
        Tokenize = (delegate* unmanaged<IntPtr, byte*, int, int*, int, byte, byte, int>)Get("llama_tokenize");
        TokenToPiece = (delegate* unmanaged<IntPtr, int, byte*, int, int, byte, int>)Get("llama_token_to_piece");
        InitFromModel = (delegate* unmanaged<IntPtr, ContextParams, IntPtr>)Get("llama_init_from_model");
        Free = (delegate* unmanaged<IntPtr, void>)Get("llama_free");
        NCtx = (delegate* unmanaged<IntPtr, uint>)Get("llama_n_ctx");
        Decode = (delegate* unmanaged<IntPtr, Batch, int>)Get("llama_decode");
        GetLogitsIth = (delegate* unmanaged<IntPtr, int, float*>)Get("llama_get_logits_ith");
        GetMemory = (delegate* unmanaged<IntPtr, IntPtr>)Get("llama_get_memory");
        MemorySeqRm = (delegate* unmanaged<IntPtr, int, int, int, byte>)Get("llama_memory_seq_rm");
        MemoryClear = (delegate* unmanaged<IntPtr, byte, void>)Get("llama_memory_clear");
        SetAbortCallback = (delegate* unmanaged<IntPtr, delegate* unmanaged<IntPtr, byte>, IntPtr, void>)Get("llama_set_abort_callback");
        SamplerChainInit = (delegate* unmanaged<SamplerChainParams, IntPtr>)Get("llama_sampler_chain_init");
        SamplerChainAdd = (delegate* unmanaged<IntPtr, IntPtr, void>)Get("llama_sampler_chain_add");
        SamplerInitGreedy = (delegate* unmanaged<IntPtr>)Get("llama_sampler_init_greedy");
        SamplerInitDist = (delegate* unmanaged<uint, IntPtr>)Get("llama_sampler_init_dist");
        SamplerInitTemp = (delegate* unmanaged<float, IntPtr>)Get("llama_sampler_init_temp");
        SamplerInitTopK = (delegate* unmanaged<int, IntPtr>)Get("llama_sampler_init_top_k");
        SamplerInitTopP = (delegate* unmanaged<float, nuint, IntPtr>)Get("llama_sampler_init_top_p");
        SamplerInitMinP = (delegate* unmanaged<float, nuint, IntPtr>)Get("llama_sampler_init_min_p");
        // This build still takes the vocabulary size first: (n_vocab, penalty_last_n, repeat, freq, present).
        SamplerInitPenalties = (delegate* unmanaged<int, int, float, float, float, IntPtr>)Get("llama_sampler_init_penalties");
        SamplerAccept = (delegate* unmanaged<IntPtr, int, void>)Get("llama_sampler_accept");
        SamplerApply = (delegate* unmanaged<IntPtr, TokenDataArray*, void>)Get("llama_sampler_apply");
        SamplerInitGrammar = (delegate* unmanaged<IntPtr, byte*, byte*, IntPtr>)Get("llama_sampler_init_grammar");
        SamplerSample = (delegate* unmanaged<IntPtr, IntPtr, int, int>)Get("llama_sampler_sample");
        SamplerFree = (delegate* unmanaged<IntPtr, void>)Get("llama_sampler_free");
        LogSet = (delegate* unmanaged<delegate* unmanaged<int, byte*, IntPtr, void>, IntPtr, void>)Get("llama_log_set");
    }

    public delegate* unmanaged<byte*, byte*> DefaultModelParamsInto { get; }
    public delegate* unmanaged<byte*, byte*> DefaultContextParamsInto { get; }
    public delegate* unmanaged<ModelParams> ModelDefaultParams { get; }
    public delegate* unmanaged<ContextParams> ContextDefaultParams { get; }
    public delegate* unmanaged<byte*, ModelParams, IntPtr> ModelLoadFromFile { get; }
    public delegate* unmanaged<IntPtr, void> ModelFree { get; }
    public delegate* unmanaged<IntPtr, IntPtr> ModelGetVocab { get; }
    public delegate* unmanaged<IntPtr, int> ModelNCtxTrain { get; }
    public delegate* unmanaged<IntPtr, byte*, nuint, int> ModelDesc { get; }
    public delegate* unmanaged<IntPtr, byte*, byte*> ModelChatTemplate { get; }
    public delegate* unmanaged<byte*, ChatMessageNative*, nuint, byte, byte*, int, int> ChatApplyTemplate { get; }
    public delegate* unmanaged<IntPtr, int> VocabNTokens { get; }
    public delegate* unmanaged<IntPtr, int> VocabBos { get; }
    public delegate* unmanaged<IntPtr, int> VocabEos { get; }
    public delegate* unmanaged<IntPtr, int, byte> VocabIsEog { get; }
    public delegate* unmanaged<IntPtr, byte> VocabGetAddBos { get; }
    public delegate* unmanaged<IntPtr, byte*, int, int*, int, byte, byte, int> Tokenize { get; }
    public delegate* unmanaged<IntPtr, int, byte*, int, int, byte, int> TokenToPiece { get; }
    public delegate* unmanaged<IntPtr, ContextParams, IntPtr> InitFromModel { get; }
    public delegate* unmanaged<IntPtr, void> Free { get; }
    public delegate* unmanaged<IntPtr, uint> NCtx { get; }
    public delegate* unmanaged<IntPtr, Batch, int> Decode { get; }
    public delegate* unmanaged<IntPtr, int, float*> GetLogitsIth { get; }
    public delegate* unmanaged<IntPtr, IntPtr> GetMemory { get; }
    public delegate* unmanaged<IntPtr, int, int, int, byte> MemorySeqRm { get; }
    public delegate* unmanaged<IntPtr, byte, void> MemoryClear { get; }
    public delegate* unmanaged<IntPtr, delegate* unmanaged<IntPtr, byte>, IntPtr, void> SetAbortCallback { get; }
    public delegate* unmanaged<SamplerChainParams, IntPtr> SamplerChainInit { get; }
    public delegate* unmanaged<IntPtr, IntPtr, void> SamplerChainAdd { get; }
    public delegate* unmanaged<IntPtr> SamplerInitGreedy { get; }
    public delegate* unmanaged<uint, IntPtr> SamplerInitDist { get; }
    public delegate* unmanaged<float, IntPtr> SamplerInitTemp { get; }
    public delegate* unmanaged<int, IntPtr> SamplerInitTopK { get; }
    public delegate* unmanaged<float, nuint, IntPtr> SamplerInitTopP { get; }
    public delegate* unmanaged<float, nuint, IntPtr> SamplerInitMinP { get; }
    public delegate* unmanaged<int, int, float, float, float, IntPtr> SamplerInitPenalties { get; }
    public delegate* unmanaged<IntPtr, int, void> SamplerAccept { get; }
    public delegate* unmanaged<IntPtr, TokenDataArray*, void> SamplerApply { get; }
    public delegate* unmanaged<IntPtr, byte*, byte*, IntPtr> SamplerInitGrammar { get; }
    public delegate* unmanaged<IntPtr, IntPtr, int, int> SamplerSample { get; }
    public delegate* unmanaged<IntPtr, void> SamplerFree { get; }
    public delegate* unmanaged<delegate* unmanaged<int, byte*, IntPtr, void>, IntPtr, void> LogSet { get; }
}
