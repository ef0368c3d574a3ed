using System.Buffers;
using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>
/// Runs a decoder graph: feeds tokens (the prompt in chunks, then one at a time) and returns the next-token logits.
/// With the key/value cache each run sees only the new tokens and the cached keys/values; without it (or for a graph
/// with no past inputs) each run re-reads the whole sequence. Positions and the attention mask follow the sequence, so
/// both paths give the same logits. One model may serve many sequences at once.
/// </summary>
internal sealed class DecoderModel : IDisposable
{
    // A chunk's logits are copied out whole ([chunk, vocab]); chunks stay under this many floats.
    private const int ChunkLogitBudget = 8 << 20;

    private readonly OnnxSession _session;
    private readonly string[] _cachedOutputs;
    private readonly string[] _logitsOnly = [DecoderSignature.Logits];

    public DecoderModel(OnnxSession session, DecoderSignature signature, int vocabulary)
    {
        _session = session;
        Signature = signature;
        Vocabulary = vocabulary;
        PrefillChunk = Math.Clamp(ChunkLogitBudget / Math.Max(vocabulary, 1), 1, 512);
        _cachedOutputs = [DecoderSignature.Logits, .. Enumerable.Range(0, signature.Layers).SelectMany(i => new[] { DecoderSignature.PresentKey(i), DecoderSignature.PresentValue(i) })];
    }

    public DecoderSignature Signature { get; }

    public int Vocabulary { get; }

    /// <summary>How many prompt tokens one cached run takes.</summary>
    public int PrefillChunk { get; set; }

    public bool HasCache => Signature.Layers > 0;

    public DecoderState Start(bool useCache) => new(useCache && HasCache);

    /// <summary>Feeds <paramref name="tokens"/> and writes the logits for the token after them into <paramref name="logits"/>.</summary>
    public void Forward(DecoderState state, ReadOnlySpan<int> tokens, float[] logits, CancellationToken cancellationToken)
    {
        if (tokens.IsEmpty)
        {
            throw new ArgumentException("At least one token must be fed.", nameof(tokens));
        }

        state.Tokens.AddRange(tokens);
        if (!state.UseCache)
        {
            using OnnxRunResult full = Run(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(state.Tokens), 0, null, cached: false, cancellationToken);
            ReadLastLogits(full[0].AsTensor(), logits);
            return;
        }

        for (int start = 0; start < tokens.Length; start += PrefillChunk)
        {
            ReadOnlySpan<int> chunk = tokens.Slice(start, Math.Min(PrefillChunk, tokens.Length - start));
            OnnxRunResult result = Run(chunk, state.CachedLength, state.Cache, cached: true, cancellationToken);
            state.Advance(result, chunk.Length);
        }

        ReadLastLogits(state.Cache![0].AsTensor(), logits);
    }

    public void Dispose() => _session.Dispose();

    private OnnxRunResult Run(ReadOnlySpan<int> tokens, int past, OnnxRunResult? cache, bool cached, CancellationToken cancellationToken)
    {
        int n = tokens.Length, total = past + n;
        var inputs = new Dictionary<string, OnnxValue>(4 + (2 * Signature.Layers), StringComparer.Ordinal);
        var created = new List<OnnxValue>(4 + (2 * Signature.Layers));
        void Add(string name, OnnxTensor tensor)
        {
            var value = OnnxValue.FromTensor(tensor);
            created.Add(value);
            inputs[name] = value;
        }

        try
        {
            if (Signature.IdType == OnnxElementType.Int64)
            {
                var ids = new long[n];
                for (int i = 0; i < n; i++)
                {
                    ids[i] = tokens[i];
                }

                Add(DecoderSignature.InputIds, OnnxTensor.Create(ids, 1, n));
            }
            else
            {
                Add(DecoderSignature.InputIds, OnnxTensor.Create(tokens.ToArray(), 1, n));
            }

            if (Signature.HasAttentionMask)
            {
                var mask = new long[total];
                Array.Fill(mask, 1L);
                Add(DecoderSignature.AttentionMask, OnnxTensor.Create(mask, 1, total));
            }

            if (Signature.HasPositionIds)
            {
                var positions = new long[n];
                for (int i = 0; i < n; i++)
                {
                    positions[i] = past + i;
                }

                Add(DecoderSignature.PositionIds, OnnxTensor.Create(positions, 1, n));
            }

            if (Signature.HasCacheBranch)
            {
                Add(DecoderSignature.UseCacheBranch, OnnxTensor.Create([past > 0], 1));
            }

            for (int layer = 0; layer < Signature.Layers; layer++)
            {
                foreach ((string pastName, string presentName) in (ReadOnlySpan<(string, string)>)[
                    (DecoderSignature.PastKey(layer), DecoderSignature.PresentKey(layer)), (DecoderSignature.PastValue(layer), DecoderSignature.PresentValue(layer))])
                {
                    if (cache is not null)
                    {
                        inputs[pastName] = cache[presentName];
                    }
                    else
                    {
                        Add(pastName, Signature.CacheType == OnnxElementType.Float16
                            ? OnnxTensor.Create(Array.Empty<Half>(), 1, Signature.KvHeads, 0, Signature.HeadDim)
                            : OnnxTensor.Create(Array.Empty<float>(), 1, Signature.KvHeads, 0, Signature.HeadDim));
                    }
                }
            }

            return _session.Run(inputs, cached ? _cachedOutputs : _logitsOnly, cancellationToken);
        }
        finally
        {
            created.ForEach(v => v.Dispose());
        }
    }

    private void ReadLastLogits(OnnxTensor tensor, float[] logits)
    {
        long count = tensor.ElementCount;
        int vocabulary = tensor.Shape.Count > 0 ? checked((int)tensor.Shape[^1]) : 0;
        if (vocabulary != Vocabulary || count % vocabulary != 0)
        {
            throw new InvalidDataException($"The model gave logits of shape [{string.Join(", ", tensor.Shape)}]; expected [1, tokens, {Vocabulary}].");
        }

        int offset = checked((int)(count - vocabulary));
        if (tensor.ElementType == OnnxElementType.Float)
        {
            float[] all = ArrayPool<float>.Shared.Rent(checked((int)count));
            try
            {
                tensor.CopyTo<float>(all);
                Array.Copy(all, offset, logits, 0, vocabulary);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(all);
            }
        }
        else
        {
            Half[] all = ArrayPool<Half>.Shared.Rent(checked((int)count));
            try
            {
                tensor.CopyTo<Half>(all);
                for (int i = 0; i < vocabulary; i++)
                {
                    logits[i] = (float)all[offset + i];
                }
            }
            finally
            {
                ArrayPool<Half>.Shared.Return(all);
            }
        }
    }
}
