using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Local;
using HybridAI.Generators.Local.OnnxDecoder;
using HybridAI.Native.OnnxRuntime;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Local;

public sealed class OnnxDecoderChatClientTests : IDisposable
{
    private static readonly ChatMessage[] Conversation = [new(ChatRole.System, "be brief"), new(ChatRole.User, "hello world")];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [OnnxRuntimeFact]
    public void The_cache_path_gives_the_logits_of_a_full_rerun_at_every_step()
    {
        using OnnxDecoderChatClient client = Open();
        DecoderModel model = client.Model;
        int[] prompt = client.Tokenizer.Encode(client.RenderPrompt(Conversation));
        using DecoderState cached = model.Start(useCache: true), full = model.Start(useCache: false);
        Assert.True(cached.UseCache);
        Assert.False(full.UseCache);
        float[] a = new float[model.Vocabulary], b = new float[model.Vocabulary];

        model.Forward(cached, prompt, a, CancellationToken.None);
        model.Forward(full, prompt, b, CancellationToken.None);
        float[] previous = [.. a];
        for (int step = 0; step < 12; step++)
        {
            Assert.True(MaxDifference(a, b) < 1e-4f, $"step {step}: the logits differ by {MaxDifference(a, b)}");
            int next = Array.IndexOf(a, a.Max());
            model.Forward(cached, [next], a, CancellationToken.None);
            model.Forward(full, [next], b, CancellationToken.None);
        }

        Assert.Equal(prompt.Length + 12, cached.CachedLength);
        Assert.True(MaxDifference(a, previous) > 1e-2f, "the logits should depend on the sequence");
    }

    [OnnxRuntimeFact]
    public void A_prompt_fed_in_chunks_gives_the_same_logits()
    {
        using OnnxDecoderChatClient client = Open();
        DecoderModel model = client.Model;
        int[] prompt = client.Tokenizer.Encode(client.RenderPrompt(Conversation));
        float[] whole = new float[model.Vocabulary], chunked = new float[model.Vocabulary];
        using (DecoderState state = model.Start(useCache: true))
        {
            model.Forward(state, prompt, whole, CancellationToken.None);
        }

        model.PrefillChunk = 3;
        using (DecoderState state = model.Start(useCache: true))
        {
            model.Forward(state, prompt, chunked, CancellationToken.None);
        }

        Assert.True(MaxDifference(whole, chunked) < 1e-4f);
    }

    [OnnxRuntimeFact]
    public async Task Greedy_replies_are_the_same_with_and_without_the_cache_and_from_a_graph_without_one()
    {
        var options = new ChatOptions { MaxOutputTokens = 20, Temperature = 0 };
        using OnnxDecoderChatClient cached = Open();
        using OnnxDecoderChatClient uncached = Open(o => o.UseKeyValueCache = false);
        ChatResponse withCache = await cached.GetResponseAsync(Conversation, options);
        ChatResponse withoutCache = await uncached.GetResponseAsync(Conversation, options);

        Assert.Equal(20, withCache.Usage!.OutputTokenCount);
        Assert.False(string.IsNullOrWhiteSpace(withCache.Text));
        Assert.Equal(withCache.Text, withoutCache.Text);

        // The same weights without past/present: the client re-runs the whole sequence.
        using var noPast = new TempDirectory();
        TinyDecoder.WriteFolder(noPast.Path, new TinyDecoder().Build(withCache: false));
        using OnnxDecoderChatClient plain = OnnxDecoderChatClient.Open(noPast.Path);
        Assert.False(plain.Model.HasCache);
        Assert.Equal(withCache.Text, (await plain.GetResponseAsync(Conversation, options)).Text);
    }

    [OnnxRuntimeFact]
    public async Task The_same_seed_gives_the_same_tokens_and_other_seeds_other_ones()
    {
        using OnnxDecoderChatClient client = Open();
        ChatOptions Sampled(long seed) => new() { Seed = seed, Temperature = 1.5f, TopK = 40, TopP = 0.95f, MaxOutputTokens = 24, AdditionalProperties = new() { ["min_p"] = 0.01, ["repetition_penalty"] = 1.1 } };

        string first = (await client.GetResponseAsync(Conversation, Sampled(42))).Text;
        string again = (await client.GetResponseAsync(Conversation, Sampled(42))).Text;
        string[] others = await Task.WhenAll(new long[] { 1, 2, 3 }.Select(async s => (await client.GetResponseAsync(Conversation, Sampled(s))).Text));

        Assert.Equal(first, again);
        Assert.Contains(others, o => o != first);
    }

    [OnnxRuntimeFact]
    public async Task Concurrent_requests_on_one_client_each_get_their_own_cache()
    {
        using OnnxDecoderChatClient client = Open();
        var options = new ChatOptions { MaxOutputTokens = 16 };
        string alone = (await client.GetResponseAsync(Conversation, options)).Text;
        ChatMessage[] other = [new(ChatRole.User, "world hello hello")];

        Task<ChatResponse>[] runs = [.. Enumerable.Range(0, 6).Select(i => client.GetResponseAsync(i % 2 == 0 ? Conversation : other, options))];
        ChatResponse[] responses = await Task.WhenAll(runs);

        Assert.All(responses.Where((_, i) => i % 2 == 0), r => Assert.Equal(alone, r.Text));
        Assert.All(responses.Where((_, i) => i % 2 == 1), r => Assert.Equal(responses[1].Text, r.Text));
    }

    [OnnxRuntimeFact]
    public async Task Max_output_tokens_ends_with_length_and_usage_counts_the_real_tokens()
    {
        using OnnxDecoderChatClient client = Open();

        ChatResponse response = await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 5 });

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(5, response.Usage!.OutputTokenCount);
        Assert.Equal(client.Tokenizer.Encode(client.RenderPrompt(Conversation)).Length, response.Usage.InputTokenCount);
        Assert.Same(client.Tokenizer, client.GetService(typeof(ITokenCounter)));
    }

    [OnnxRuntimeFact]
    public async Task A_stop_sequence_split_across_tokens_ends_the_reply_and_is_not_emitted()
    {
        using OnnxDecoderChatClient client = Open();
        string free = (await client.GetResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 40 })).Text;
        Assert.True(free.Length > 16, free);
        string stop = free.Substring(8, 3);
        string expected = free[..free.IndexOf(stop, StringComparison.Ordinal)];

        var options = new ChatOptions { MaxOutputTokens = 40, StopSequences = ["zzzz-never", stop] };
        ChatResponse response = await client.GetResponseAsync(Conversation, options);
        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(Conversation, options))
        {
            updates.Add(update);
        }

        Assert.Equal(expected, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.True(response.Usage!.OutputTokenCount < 40);
        Assert.Equal(expected, string.Concat(updates.Select(u => u.Text)));
        Assert.DoesNotContain(updates, u => u.Text.Contains(stop, StringComparison.Ordinal));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [OnnxRuntimeFact]
    public async Task Streaming_gives_the_same_text_then_the_finish_reason_and_usage()
    {
        using OnnxDecoderChatClient client = Open();
        var options = new ChatOptions { MaxOutputTokens = 15 };
        ChatResponse whole = await client.GetResponseAsync(Conversation, options);

        List<ChatResponseUpdate> updates = [];
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(Conversation, options))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 2);
        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Length, updates[^1].FinishReason);
        UsageContent usage = Assert.Single(updates[^1].Contents.OfType<UsageContent>());
        Assert.Equal(15, usage.Details.OutputTokenCount);
        Assert.All(updates, u => Assert.Equal(updates[0].ResponseId, u.ResponseId));
    }

    [OnnxRuntimeFact]
    public async Task Cancelling_stops_the_stream_within_one_token()
    {
        using OnnxDecoderChatClient client = Open();
        using var cancel = new CancellationTokenSource();
        int afterCancel = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(Conversation, new ChatOptions { MaxOutputTokens = 200 }, cancel.Token))
            {
                if (cancel.IsCancellationRequested)
                {
                    afterCancel++;
                }

                cancel.Cancel();
            }
        });

        Assert.True(afterCancel <= 1, $"{afterCancel} updates after cancelling");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Conversation, null, cancel.Token));
    }

    [OnnxRuntimeFact]
    public async Task The_models_end_token_ends_the_reply_and_is_not_text()
    {
        using var dir = new TempDirectory();
        TinyDecoder.WriteFolder(dir.Path, new TinyDecoder().Build(favourEnd: true));
        using OnnxDecoderChatClient client = OnnxDecoderChatClient.Open(dir.Path);

        ChatResponse response = await client.GetResponseAsync(Conversation);

        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(string.Empty, response.Text);
        Assert.Equal(0, response.Usage!.OutputTokenCount);
    }

    [OnnxRuntimeFact]
    public void A_bad_model_folder_gives_an_error_that_says_what_is_wrong()
    {
        Assert.Throws<DirectoryNotFoundException>(() => OnnxDecoderChatClient.Open(_dir.File("missing")));

        var noModel = Assert.Throws<FileNotFoundException>(() => OnnxDecoderChatClient.Open(_dir.Path));
        Assert.Contains("model.onnx", noModel.Message, StringComparison.Ordinal);

        File.WriteAllBytes(_dir.File("model.onnx"), new TinyDecoder().Build());
        var noTokenizer = Assert.Throws<FileNotFoundException>(() => OnnxDecoderChatClient.Open(_dir.Path));
        Assert.Contains("tokenizer.json", noTokenizer.Message, StringComparison.Ordinal);

        TinyDecoder.WriteFolder(_dir.Path, new TinyDecoder().Build(inputIdsName: "token_ids"));
        var wrongNames = Assert.Throws<InvalidDataException>(() => OnnxDecoderChatClient.Open(_dir.Path));
        Assert.Contains("input_ids", wrongNames.Message, StringComparison.Ordinal);
        Assert.Contains("token_ids", wrongNames.Message, StringComparison.Ordinal);

        File.WriteAllBytes(_dir.File("model.onnx"), [1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<OnnxRuntimeException>(() => OnnxDecoderChatClient.Open(_dir.Path));
    }

    [OnnxRuntimeFact]
    public async Task Refuses_requests_it_cannot_honour()
    {
        using OnnxDecoderChatClient client = Open(o => o.ContextLength = 8);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetResponseAsync(Conversation));
        using OnnxDecoderChatClient roomy = Open();
        var tool = AIFunctionFactory.Create(() => 1, "one");
        await Assert.ThrowsAsync<NotSupportedException>(() => roomy.GetResponseAsync(Conversation, new ChatOptions { Tools = [tool] }));
        await Assert.ThrowsAsync<NotSupportedException>(() => roomy.GetResponseAsync(Conversation, new ChatOptions { ResponseFormat = ChatResponseFormat.Json }));
        await Assert.ThrowsAsync<ArgumentException>(() => roomy.GetResponseAsync(Conversation, new ChatOptions { TopP = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => roomy.GetResponseAsync([]));
    }

    private OnnxDecoderChatClient Open(Action<OnnxDecoderOptions>? configure = null)
    {
        if (!File.Exists(_dir.File("model.onnx")))
        {
            TinyDecoder.WriteFolder(_dir.Path, new TinyDecoder().Build());
        }

        var options = new OnnxDecoderOptions { ModelDirectory = _dir.Path };
        configure?.Invoke(options);
        return new OnnxDecoderChatClient(options);
    }

    private static float MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => MathF.Abs(x - y)).Max();
}
