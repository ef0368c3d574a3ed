namespace HybridAI.Native.LlamaCpp.Interop;

/// <summary>Builds a llama.cpp sampler chain from <see cref="LlamaSamplingOptions"/> and an optional GBNF grammar.</summary>
internal static unsafe class SamplerChain
{
    public static SamplerHandle Create(LlamaModel model, LlamaSamplingOptions options, string? grammar, string grammarRoot)
    {
        options.Validate();
        var api = LlamaCppLibrary.Api;
        var chain = new SamplerHandle(api.SamplerChainInit(new SamplerChainParams { NoPerf = 1 }));
        var c = chain.DangerousGetHandle();
        try
        {
            if (grammar is not null)
            {
                IntPtr g;
                string log;
                using (var capture = LlamaLog.Begin())
                {
                    var text = LlamaModel.Utf8Z(grammar);
                    var root = LlamaModel.Utf8Z(grammarRoot);
                    fixed (byte* t = text)
                    fixed (byte* r = root)
                    {
                        g = api.SamplerInitGrammar(model.Vocab, t, r);
                    }

                    log = capture.Text;
                }

                if (g == IntPtr.Zero)
                {
                    throw new LlamaCppException($"The GBNF grammar does not parse (start rule '{grammarRoot}'): {(log.Length > 0 ? log : "no reason given")}");
                }

                api.SamplerChainAdd(c, g);
            }

            if (options.HasPenalties)
            {
                api.SamplerChainAdd(c, api.SamplerInitPenalties(model.VocabularySize, options.PenaltyLastTokens, options.RepeatPenalty, options.FrequencyPenalty, options.PresencePenalty));
            }

            if (options.Temperature == 0)
            {
                api.SamplerChainAdd(c, api.SamplerInitGreedy());
                return chain;
            }

            if (options.TopK > 0)
            {
                api.SamplerChainAdd(c, api.SamplerInitTopK(options.TopK));
            }

            if (options.TopP < 1)
            {
                api.SamplerChainAdd(c, api.SamplerInitTopP(options.TopP, 1));
            }

            if (options.MinP > 0)
            {
                api.SamplerChainAdd(c, api.SamplerInitMinP(options.MinP, 1));
            }

            api.SamplerChainAdd(c, api.SamplerInitTemp(options.Temperature));
            api.SamplerChainAdd(c, api.SamplerInitDist(options.Seed ?? (uint)Random.Shared.Next()));
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }
}
