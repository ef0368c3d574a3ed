using HybridAI.Generators.Tokenization;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>
/// One generation: the prompt is fed, then tokens are sampled and fed back one at a time until an end token, a stop
/// sequence, the output budget or the context runs out. Yields text as it becomes final (whole characters, nothing a
/// stop sequence might still claim); afterwards <see cref="FinishReason"/> and <see cref="OutputTokens"/> tell how it ended.
/// </summary>
internal sealed class DecoderGeneration(DecoderModel model, bool useCache)
{
    public int OutputTokens { get; private set; }

    public ChatFinishReason FinishReason { get; private set; } = ChatFinishReason.Stop;

    public IEnumerable<string> Run(
        int[] prompt, SamplingSettings settings, IReadOnlySet<int> endTokens, StopSequenceFilter stops, int maxOutputTokens,
        TokenStreamDecoder decoder, CancellationToken cancellationToken)
    {
        using DecoderState state = model.Start(useCache);
        var logits = new float[model.Vocabulary];
        var sampler = new TokenSampler(settings, prompt);
        model.Forward(state, prompt, logits, cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int token = sampler.Next(logits);
            if (endTokens.Contains(token))
            {
                FinishReason = ChatFinishReason.Stop;
                break;
            }

            OutputTokens++;
            string text = stops.Push(decoder.Append(token));
            if (text.Length > 0)
            {
                yield return text;
            }

            if (stops.Stopped)
            {
                FinishReason = ChatFinishReason.Stop;
                yield break;
            }

            if (OutputTokens >= maxOutputTokens)
            {
                FinishReason = ChatFinishReason.Length;
                break;
            }

            model.Forward(state, [token], logits, cancellationToken);
        }

        string rest = stops.Push(decoder.Flush());
        rest += stops.Flush();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
