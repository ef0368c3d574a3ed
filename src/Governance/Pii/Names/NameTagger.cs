using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HybridAI.Governance.Pii.Names;

/// <summary>
/// A greedy left-to-right averaged-perceptron tagger over <see cref="TokenFeatures"/> with BIO tags for persons,
/// organisations and places. Only capitalised tokens, and tokens right after an entity, are scored: entities in English
/// and French start with a capital, so lower-case text costs the tokenizer alone.
/// </summary>
internal sealed class NameTagger
{
    /// <summary>The model file's first bytes: "HNT" and the format version.</summary>
    private static ReadOnlySpan<byte> Magic => "HNT\u0001"u8;

    private const int Buckets = 1 << TokenFeatures.BucketBits;
    private const int RowWidth = 8;

    private readonly float[] _weights;

    // The weights again, one row of 8 floats per bucket (7 tags and a zero), so scoring a feature is one vector add.
    private readonly float[] _rows;

    internal NameTagger(float[] weights, float marginScale)
    {
        if (weights.Length != Buckets * NameTags.Count)
            throw new ArgumentException($"A name tagger needs {Buckets * NameTags.Count} weights, not {weights.Length}.", nameof(weights));
        _weights = weights;
        MarginScale = marginScale;
        _rows = new float[Buckets * RowWidth];
        for (var b = 0; b < Buckets; b++)
            weights.AsSpan(b * NameTags.Count, NameTags.Count).CopyTo(_rows.AsSpan(b * RowWidth));
    }

    /// <summary>The median margin of entity tokens on the training text, so scores mean the same across retrains.</summary>
    public float MarginScale { get; }

    /// <summary>The model embedded in HybridAI.Governance (trained by eng/pii-data/TrainNames from the training split).</summary>
    public static NameTagger Default => LazyDefault.Value;

    private static readonly Lazy<NameTagger> LazyDefault = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded name model '{ResourceName}' is missing from HybridAI.Governance.");
        return Load(stream);
    });

    public const string ResourceName = "HybridAI.Governance.Pii.Names.names-model.bin";

    /// <summary>Tags every token of <paramref name="tagged"/> (filling its tags and margins).</summary>
    public void Tag(ReadOnlySpan<char> text, TaggedText tagged)
    {
        Span<int> features = stackalloc int[TokenFeatures.Max];
        Span<float> scores = stackalloc float[RowWidth];
        var tags = tagged.Tags;
        var margins = tagged.Margins;
        var tokens = tagged.Tokens;
        int previous = NameTags.O, previous2 = NameTags.O;
        for (var i = 0; i < tokens.Length; i++)
        {
            byte tag = NameTags.O;
            var margin = 0f;
            if (IsCandidate(tokens[i], tagged.Hashes[i], previous))
            {
                var n = TokenFeatures.Extract(text, tagged, i, previous, previous2, features);
                ScoreRows(features[..n], scores);
                (tag, margin) = Best(scores[..NameTags.Count], previous);
            }
            tags[i] = tag;
            margins[i] = margin;
            previous2 = previous;
            previous = tag;
        }
    }

    /// <summary>
    /// Capitalised words; right after an entity token also punctuation and connectors ("Banque de France",
    /// "Smith &amp; Co", "Ortiz, Koss and West"), never another lower-case word.
    /// </summary>
    public static bool IsCandidate(NameToken token, ulong foldedHash, int previousTag) =>
        (token.Flags & TokenFlags.Capitalised) != 0
        || previousTag != NameTags.O && ((token.Flags & (TokenFlags.Word | TokenFlags.Number)) == 0 || WordClasses.Of(foldedHash) == WordClasses.Connector);

    /// <summary>Scores from the 7-wide weights as they are being trained (the padded rows are built once, after).</summary>
    internal static void Score(float[] weights, ReadOnlySpan<int> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            var row = weights.AsSpan(f * NameTags.Count, NameTags.Count);
            for (var t = 0; t < NameTags.Count; t++)
                scores[t] += row[t];
        }
    }

    private void ScoreRows(ReadOnlySpan<int> features, Span<float> scores)
    {
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        var sum = Vector256<float>.Zero;
        foreach (var f in features)
            sum += Vector256.LoadUnsafe(ref rows, (nuint)(f * RowWidth));
        sum.CopyTo(scores);
    }

    internal static (byte Tag, float Margin) Best(ReadOnlySpan<float> scores, int previous)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        var second = float.NegativeInfinity;
        for (var t = 0; t < scores.Length; t++)
        {
            if (!NameTags.Allowed(t, previous))
                continue;
            if (scores[t] > bestScore)
            {
                second = bestScore;
                bestScore = scores[t];
                best = t;
            }
            else if (scores[t] > second)
            {
                second = scores[t];
            }
        }
        // An entity's margin is over O (is it an entity at all?), not over the runner-up kind.
        return ((byte)best, best == NameTags.O ? bestScore - second : bestScore - scores[NameTags.O]);
    }

    /// <summary>Writes the model: magic, scale, then the non-zero weights as (index delta varint, int16) pairs.</summary>
    public void Save(Stream stream)
    {
        var maxAbs = 0f;
        foreach (var w in _weights)
            maxAbs = Math.Max(maxAbs, Math.Abs(w));
        var quantum = maxAbs == 0 ? 1f : maxAbs / short.MaxValue;
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(TokenFeatures.BucketBits);
        writer.Write(NameTags.Count);
        writer.Write(quantum);
        writer.Write(MarginScale);
        var count = 0;
        foreach (var w in _weights)
        {
            if (Quantize(w, quantum) != 0)
                count++;
        }
        writer.Write(count);
        var last = -1;
        for (var i = 0; i < _weights.Length; i++)
        {
            var q = Quantize(_weights[i], quantum);
            if (q == 0)
                continue;
            writer.Write7BitEncodedInt(i - last);
            writer.Write(q);
            last = i;
        }
    }

    /// <summary>The same tagger with weights rounded as <see cref="Save"/> stores them (training returns this one).</summary>
    public NameTagger Rounded()
    {
        using var buffer = new MemoryStream();
        Save(buffer);
        buffer.Position = 0;
        return Load(buffer);
    }

    public static NameTagger Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        Span<byte> magic = stackalloc byte[4];
        if (reader.Read(magic) != 4 || !magic.SequenceEqual(Magic))
            throw new InvalidDataException("Not a HybridAI name model (expected the 'HNT' header, version 1).");
        var bits = reader.ReadInt32();
        var tags = reader.ReadInt32();
        if (bits != TokenFeatures.BucketBits || tags != NameTags.Count)
            throw new InvalidDataException($"The name model has {bits}-bit buckets and {tags} tags; this build expects {TokenFeatures.BucketBits} and {NameTags.Count}.");
        var quantum = reader.ReadSingle();
        var marginScale = reader.ReadSingle();
        var count = reader.ReadInt32();
        var weights = new float[Buckets * NameTags.Count];
        var index = -1;
        for (var k = 0; k < count; k++)
        {
            index += reader.Read7BitEncodedInt();
            if ((uint)index >= (uint)weights.Length)
                throw new InvalidDataException($"The name model's weight {k} points outside the table ({index}).");
            weights[index] = reader.ReadInt16() * quantum;
        }
        return new NameTagger(weights, marginScale);
    }

    private static short Quantize(float w, float quantum) => (short)Math.Round(w / quantum, MidpointRounding.ToEven);

    internal float[] Weights => _weights;

}
