namespace HybridAI.Native.LlamaCpp.Interop;

/// <summary>
/// Checks at start-up that the loaded library's parameter structs have the sizes and default values the binding
/// was written against: a different build fails here with a clear message instead of corrupting memory later.
/// </summary>
internal static unsafe class LayoutCheck
{
    private const int Probe = 512;

    public static void Verify(LlamaApi api, string folder)
    {
        var problems = new List<string>();
        var modelSize = WrittenSize(api.DefaultModelParamsInto);
        Expect(problems, "llama_model_params size", ModelParams.Size, modelSize);
        var context = WrittenSize(api.DefaultContextParamsInto);
        Expect(problems, "llama_context_params size", ContextParams.Size, context);
        if (problems.Count == 0)
        {
            var m = api.ModelDefaultParams();
            Expect(problems, "llama_model_params.n_gpu_layers default", -1, m.NGpuLayers);
            var c = api.ContextDefaultParams();
            Expect(problems, "llama_context_params.n_ctx default", 512, (int)c.NCtx);
            Expect(problems, "llama_context_params.n_batch default", 2048, (int)c.NBatch);
            Expect(problems, "llama_context_params.n_ubatch default", 512, (int)c.NUbatch);
            Expect(problems, "llama_context_params.n_seq_max default", 1, (int)c.NSeqMax);
            if (c.NThreads <= 0 || c.NThreads != c.NThreadsBatch)
            {
                problems.Add($"llama_context_params.n_threads/n_threads_batch defaults: expected two equal positive numbers, found {c.NThreads}/{c.NThreadsBatch}");
            }

            Expect(problems, "llama_context_params.flash_attn_type default (auto)", -1, c.FlashAttnType);
            Expect(problems, "llama_context_params.type_k default (F16)", 1, c.TypeK);
            Expect(problems, "llama_context_params.type_v default (F16)", 1, c.TypeV);
        }

        if (problems.Count == 0 && !PenaltiesWork(api))
        {
            problems.Add("llama_sampler_init_penalties(n_vocab, last_n, repeat, freq, present) does not penalise a seen token");
        }

        if (problems.Count > 0)
        {
            throw new LlamaCppException(
                $"The llama.cpp library in {folder} is not the build this binding was written for " +
                $"(npm @node-llama-cpp/linux-x64 3.22.1): {string.Join("; ", problems)}. " +
                $"Point {LlamaCppLibrary.EnvironmentVariable} at that build, or run eng/fetch-deps.sh.");
        }
    }

    /// <summary>
    /// Function signatures cannot be read from the library; the one that has changed between releases
    /// (the penalties sampler) is checked by its effect: a seen token must lose logit.
    /// </summary>
    private static bool PenaltiesWork(LlamaApi api)
    {
        var sampler = api.SamplerInitPenalties(2, 4, 1f, 0f, 10f);
        if (sampler == IntPtr.Zero)
        {
            return false;
        }

        try
        {
            api.SamplerAccept(sampler, 0);
            var data = stackalloc TokenData[2];
            data[0] = new TokenData { Id = 0, Logit = 5 };
            data[1] = new TokenData { Id = 1, Logit = 4 };
            var array = new TokenDataArray { Data = data, Size = 2, Selected = -1 };
            api.SamplerApply(sampler, &array);
            return data[0].Logit == -5f && data[1].Logit == 4f;
        }
        finally
        {
            api.SamplerFree(sampler);
        }
    }

    /// <summary>How many bytes a <c>*_default_params()</c> writes: the last byte changed in a marker-filled buffer, rounded up to 8.</summary>
    private static int WrittenSize(delegate* unmanaged<byte*, byte*> defaults)
    {
        var last = -1;
        var buffer = stackalloc byte[Probe];
        foreach (var marker in new byte[] { 0xAB, 0x5C })
        {
            new Span<byte>(buffer, Probe).Fill(marker);
            defaults(buffer);
            for (var i = Probe - 1; i > last; i--)
            {
                if (buffer[i] != marker)
                {
                    last = i;
                    break;
                }
            }
        }

        return (last + 8) / 8 * 8;
    }

    private static void Expect(List<string> problems, string what, int expected, int actual)
    {
        if (expected != actual)
        {
            problems.Add($"{what}: expected {expected}, found {actual}");
        }
    }
}
