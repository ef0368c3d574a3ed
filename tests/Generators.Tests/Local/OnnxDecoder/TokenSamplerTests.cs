using HybridAI.Generators.Local.OnnxDecoder;

namespace HybridAI.Generators.Tests.Local.OnnxDecoder;

public class TokenSamplerTests
{
    private static float[] Logits() => [1f, 3f, 2.5f, -1f, 3f, 0f];

    [Fact]
    public void Greedy_takes_the_highest_logit_and_the_lowest_id_on_ties() =>
        Assert.Equal(1, new TokenSampler(new SamplingSettings(), []).Next(Logits()));

    [Fact]
    public void Top_k_of_one_is_greedy_whatever_the_seed()
    {
        for (long seed = 0; seed < 20; seed++)
        {
            Assert.Equal(1, new TokenSampler(new SamplingSettings(Temperature: 2, TopK: 1, Seed: seed), []).Next(Logits()));
        }
    }

    [Fact]
    public void Top_p_and_min_p_keep_only_the_likely_tokens()
    {
        var drawn = new HashSet<int>();
        for (long seed = 0; seed < 200; seed++)
        {
            drawn.Add(new TokenSampler(new SamplingSettings(Temperature: 1, TopP: 0.9f, Seed: seed), []).Next(Logits()));
        }

        Assert.Equal([1, 2, 4], drawn.Order());

        drawn.Clear();
        for (long seed = 0; seed < 200; seed++)
        {
            drawn.Add(new TokenSampler(new SamplingSettings(Temperature: 1, MinP: 0.5f, Seed: seed), []).Next(Logits()));
        }

        Assert.Equal([1, 2, 4], drawn.Order()); // e^-0.5 = 0.61 of the best stays, e^-2 = 0.14 does not
    }

    [Fact]
    public void A_seed_repeats_its_draws()
    {
        int[] Draws(long seed)
        {
            var sampler = new TokenSampler(new SamplingSettings(Temperature: 1, Seed: seed), []);
            return [.. Enumerable.Range(0, 30).Select(_ => sampler.Next(Logits()))];
        }

        Assert.Equal(Draws(7), Draws(7));
        Assert.NotEqual(Draws(7), Draws(8));
    }

    [Fact]
    public void Repetition_penalty_pushes_seen_tokens_down()
    {
        // Token 1 (logit 3) is in the prompt: 3 / 2 = 1.5 < 3 of token 4, which wins.
        Assert.Equal(4, new TokenSampler(new SamplingSettings(RepetitionPenalty: 2), [1]).Next(Logits()));

        // Frequency penalty applies to generated tokens only: after 1 wins once, 4 wins.
        var sampler = new TokenSampler(new SamplingSettings(FrequencyPenalty: 1), [4]);
        Assert.Equal(1, sampler.Next(Logits()));
        Assert.Equal(4, sampler.Next(Logits()));
    }

    [Fact]
    public void Out_of_range_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SamplingSettings(TopP: 0).Validated());
        Assert.Throws<ArgumentException>(() => new SamplingSettings(Temperature: -1).Validated());
        Assert.Throws<ArgumentException>(() => new SamplingSettings(MinP: 1).Validated());
        Assert.Throws<ArgumentException>(() => new SamplingSettings(RepetitionPenalty: 0).Validated());
    }
}
