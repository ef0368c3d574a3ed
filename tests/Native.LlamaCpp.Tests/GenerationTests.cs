namespace HybridAI.Native.LlamaCpp.Tests;

[Collection(TinyModelCollection.Name)]
public sealed class GenerationTests(TinyModelFixture tiny)
{
    private static readonly LlamaSamplingOptions Greedy = new() { Temperature = 0 };

    private int[] Prompt(string text = "Tell me a story about a llama.") =>
        tiny.Model.Tokenize(tiny.Model.ApplyChatTemplate([new("user", text)]), parseSpecial: true);

    private List<LlamaGenerationStep> Run(LlamaGenerationOptions options, int[]? prompt = null, LlamaContext? context = null)
    {
        using var own = context is null ? tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 512 }) : null;
        return (context ?? own!).Generate(prompt ?? Prompt(), options).ToList();
    }

    private static string Text(IEnumerable<LlamaGenerationStep> steps) => string.Concat(steps.Select(s => s.Text));

    [NativeFact]
    public void The_same_seed_gives_the_same_text_and_another_seed_does_not()
    {
        LlamaGenerationOptions Seeded(uint seed) => new() { MaxTokens = 24, Sampling = new() { Temperature = 1, TopK = 0, TopP = 1, MinP = 0, Seed = seed } };
        var a = Run(Seeded(7));
        var b = Run(Seeded(7));
        var c = Run(Seeded(8));
        Assert.Equal(a.Select(s => s.Token), b.Select(s => s.Token));
        Assert.Equal(Text(a), Text(b));
        Assert.NotEqual(a.Select(s => s.Token), c.Select(s => s.Token));
    }

    [NativeFact]
    public void Top_k_of_one_and_a_tiny_top_p_both_reduce_sampling_to_greedy()
    {
        var greedy = Run(new() { MaxTokens = 16, Sampling = Greedy }).Select(s => s.Token).ToList();
        var topK = Run(new() { MaxTokens = 16, Sampling = new() { Temperature = 1.5f, TopK = 1, MinP = 0, Seed = 3 } }).Select(s => s.Token);
        var topP = Run(new() { MaxTokens = 16, Sampling = new() { Temperature = 1.5f, TopK = 0, TopP = 1e-6f, MinP = 0, Seed = 3 } }).Select(s => s.Token);
        var minP = Run(new() { MaxTokens = 16, Sampling = new() { Temperature = 1.5f, TopK = 0, TopP = 1, MinP = 0.999f, Seed = 3 } }).Select(s => s.Token);
        Assert.Equal(greedy, topK);
        Assert.Equal(greedy, topP);
        Assert.Equal(greedy, minP);
    }

    [NativeFact]
    public void A_presence_penalty_makes_greedy_decoding_use_every_allowed_token_before_repeating_one()
    {
        // Digits only: about 20 tokens can spell one, so 40 of them must repeat.
        var digits = new LlamaGenerationOptions { MaxTokens = 40, Sampling = Greedy, Grammar = "root ::= [0-9]{40}" };
        var plain = Run(digits).Select(s => s.Token).ToList();
        Assert.True(plain.Distinct().Count() < plain.Count);

        var penalised = Run(digits with { Sampling = Greedy with { PresencePenalty = 1000, PenaltyLastTokens = 64 } }).Select(s => s.Token).ToList();
        var distinct = penalised.Distinct().Count();
        Assert.True(distinct > plain.Distinct().Count());
        Assert.Equal(distinct, penalised.Take(distinct).Distinct().Count());
        Assert.All(penalised.Select(t => tiny.Model.Detokenize([t])), piece => Assert.Matches("^[0-9]+$", piece));
    }

    [NativeFact]
    public void Max_tokens_is_honoured_with_finish_reason_length()
    {
        var steps = Run(new() { MaxTokens = 5, Sampling = Greedy });
        Assert.Equal(5, steps.Count);
        Assert.Equal(LlamaFinishReason.Length, steps[^1].FinishReason);
        Assert.All(steps[..^1], s => Assert.Null(s.FinishReason));
        Assert.Equal(5, steps[^1].GeneratedTokens);
        Assert.Equal(Prompt().Length, steps[^1].PromptTokens);
    }

    [NativeFact]
    public void A_stop_string_split_across_tokens_ends_generation_and_is_never_emitted()
    {
        var free = Run(new() { MaxTokens = 30, Sampling = Greedy });
        var pieces = free.Select(s => s.Text).ToList();
        var at = Enumerable.Range(5, 20).First(i => pieces[i].Length >= 2 && pieces[i + 1].Length >= 2);
        var stop = pieces[at][^2..] + pieces[at + 1][..2];
        var full = Text(free);
        var expected = full[..full.IndexOf(stop, StringComparison.Ordinal)];

        var stopped = Run(new() { MaxTokens = 30, Sampling = Greedy, StopStrings = ["never appears 42", stop] });
        Assert.Equal(expected, Text(stopped));
        Assert.Equal(LlamaFinishReason.Stop, stopped[^1].FinishReason);
        Assert.DoesNotContain(stop, Text(stopped), StringComparison.Ordinal);
        Assert.True(stopped.Count <= at + 2);
    }

    [NativeFact]
    public void Reusing_the_cached_prefix_gives_the_same_logits_as_a_fresh_run()
    {
        var first = Prompt("What is a llama?");
        var second = first.Concat(tiny.Model.Tokenize(" A camelid. [INST] And an alpaca? [/INST]", addSpecial: false, parseSpecial: true)).ToArray();
        using var warm = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 256 });
        warm.Evaluate(first);
        warm.Evaluate(tiny.Model.Tokenize("something else entirely", addSpecial: true)); // shares only <s>
        warm.Evaluate(first);
        var (reusedLogits, reused) = warm.Evaluate(second);
        Assert.Equal(first.Length, reused);
        Assert.Equal(second, warm.CachedTokens);

        using var fresh = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 256 });
        var (freshLogits, none) = fresh.Evaluate(second);
        Assert.Equal(0, none);
        var worst = reusedLogits.Zip(freshLogits, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-3f, $"largest logit difference {worst}");
        Assert.True(freshLogits.Max() - freshLogits.Min() > 0.1f, "logits are not flat");
    }

    [NativeFact]
    public void Flash_attention_on_and_off_give_the_same_logits_within_tolerance()
    {
        var prompt = Prompt();
        float[] Logits(bool flash)
        {
            using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 256, FlashAttention = flash });
            return context.Evaluate(prompt).Logits;
        }

        var (on, off) = (Logits(true), Logits(false));
        var worst = on.Zip(off, (a, b) => Math.Abs(a - b)).Max();
        var range = off.Max() - off.Min();
        Assert.True(worst < 0.01f * range, $"largest logit difference {worst} of a range of {range}"); // F16 accumulation differs slightly
        Assert.Equal(Array.IndexOf(off, off.Max()), Array.IndexOf(on, on.Max()));
    }

    [NativeFact]
    public void A_second_turn_only_decodes_what_is_new()
    {
        using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 512 });
        var turn1 = Prompt("Hi");
        var reply = Run(new() { MaxTokens = 4, Sampling = Greedy }, turn1, context);
        Assert.Equal(0, reply[^1].ReusedTokens);
        var turn2 = turn1.Concat(reply.Select(s => s.Token)).Concat(tiny.Model.Tokenize(" [INST] More [/INST]", addSpecial: false, parseSpecial: true)).ToArray();
        var next = Run(new() { MaxTokens = 4, Sampling = Greedy }, turn2, context);
        Assert.Equal(turn1.Length + 3, next[^1].ReusedTokens); // the last reply token was sampled, never decoded
    }

    [NativeFact]
    public void Cancellation_stops_within_one_token()
    {
        using var cts = new CancellationTokenSource();
        using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 512 });
        var seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in context.Generate(Prompt(), new() { MaxTokens = 400, Sampling = Greedy }, cts.Token))
            {
                if (++seen == 3)
                {
                    cts.Cancel();
                }
            }
        });
        Assert.Equal(3, seen);
    }

    [NativeFact]
    public void A_cancelled_token_aborts_prompt_decoding_and_the_context_stays_usable()
    {
        using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 512 });
        Assert.ThrowsAny<OperationCanceledException>(() => context.Generate(Prompt(), new() { MaxTokens = 4 }, new CancellationToken(true)).ToList());
        Assert.Empty(context.CachedTokens);
        Assert.Equal(Run(new() { MaxTokens = 4, Sampling = Greedy }).Select(s => s.Token), Run(new() { MaxTokens = 4, Sampling = Greedy }, context: context).Select(s => s.Token));
    }

    [NativeFact]
    public void A_prompt_longer_than_the_context_throws_or_keeps_the_newest_tokens()
    {
        using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 256 });
        Assert.Equal(256, context.Size);
        var prompt = tiny.Model.Tokenize(string.Join(" ", Enumerable.Repeat("llamas and alpacas", 80)));
        Assert.True(prompt.Length > 256);
        var e = Assert.Throws<LlamaContextOverflowException>(() => context.Generate(prompt, new() { MaxTokens = 8 }).ToList());
        Assert.Contains($"{prompt.Length} tokens", e.Message, StringComparison.Ordinal);

        var steps = context.Generate(prompt, new() { MaxTokens = 8, Sampling = Greedy, Overflow = LlamaContextOverflow.TruncateOldest }).ToList();
        Assert.Equal(256 - 8, steps[^1].PromptTokens);
        Assert.Equal(1, context.CachedTokens[0]); // <s> kept
        Assert.Equal(prompt[^10..], context.CachedTokens.Skip(256 - 8 - 10).Take(10));
    }

    [NativeFact]
    public void Generation_stops_with_length_when_the_context_is_full()
    {
        using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 256 });
        var prompt = tiny.Model.Tokenize(string.Join(" ", Enumerable.Repeat("llamas", 60)));
        var steps = context.Generate(prompt, new() { MaxTokens = 200, Sampling = Greedy }).ToList();
        Assert.Equal(LlamaFinishReason.Length, steps[^1].FinishReason);
        Assert.Equal(256, context.CachedTokens.Count);
        Assert.Equal(256 - prompt.Length + 1, steps[^1].GeneratedTokens);
    }

    [NativeFact]
    public async Task Concurrent_requests_on_a_pool_each_get_the_single_request_answer()
    {
        var expected = Run(new() { MaxTokens = 12, Sampling = Greedy }).Select(s => s.Token).ToList();
        using var pool = new LlamaContextPool(tiny.Model, new LlamaContextOptions { Threads = 1, ContextSize = 256 }, maxContexts: 3);
        var prompt = Prompt();
        var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var lease = await pool.RentAsync(prompt);
            return lease.Context.Generate(prompt, new() { MaxTokens = 12, Sampling = Greedy }).Select(s => s.Token).ToList();
        }));
        foreach (var tokens in await Task.WhenAll(runs))
        {
            Assert.Equal(expected, tokens);
        }
    }

    [NativeFact]
    public async Task The_pool_hands_back_the_context_that_holds_the_conversation()
    {
        using var pool = new LlamaContextPool(tiny.Model, new LlamaContextOptions { Threads = 1, ContextSize = 256 }, maxContexts: 2);
        var a = Prompt("first conversation");
        var b = Prompt("second one, quite different");
        LlamaContext ca, cb;
        using (var la = await pool.RentAsync(a))
        using (var lb = await pool.RentAsync(b))
        {
            (ca, cb) = (la.Context, lb.Context);
            la.Context.Evaluate(a);
            lb.Context.Evaluate(b);
        }

        using (var again = await pool.RentAsync(b))
        {
            Assert.Same(cb, again.Context);
        }

        using (var again = await pool.RentAsync(a))
        {
            Assert.Same(ca, again.Context);
        }
    }

    [NativeFact]
    public void A_grammar_that_does_not_parse_is_a_clear_error()
    {
        using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 128 });
        var e = Assert.Throws<LlamaCppException>(() => context.Generate(Prompt(), new() { Grammar = "root ::= ( \"a\"" }));
        Assert.Contains("GBNF", e.Message, StringComparison.Ordinal);
    }
}
