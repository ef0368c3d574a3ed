using HybridAI.Evaluation.Evaluators;

namespace HybridAI.Evaluation.Golden;

/// <summary>
/// A named, versioned list of golden examples with the SHA-256 of its canonical records, so every result can say
/// exactly which data it was measured on. Load it from JSONL or CSV, or sample a stratified subset.
/// </summary>
/// <example>
/// <code>
/// var evaluators = new IEvaluator&lt;string&gt;[] { new ExactMatchEvaluator(), new RequiredFactsEvaluator() };
/// GoldenSet set = GoldenSet.LoadJsonl("golden/tickets.jsonl", GoldenSet.RequiredBy(evaluators));
/// GoldenSet quick = set.Sample(30, stratifyBy: "label", seed: 7);
/// Console.WriteLine($"{quick.Reference.Name} v{quick.Reference.Version}: {quick.Count} examples, {quick.Reference.ContentHash}");
/// </code>
/// </example>
public sealed class GoldenSet
{
    private readonly GoldenExample[] _examples;

    /// <summary>Creates a set from examples (ids must be unique) and computes its content hash.</summary>
    /// <param name="name">The set's name.</param>
    /// <param name="version">The set's version.</param>
    /// <param name="examples">The examples, in order.</param>
    /// <exception cref="ArgumentException">An id is repeated or an example is null; the message gives its index.</exception>
    public GoldenSet(string name, string version, IEnumerable<GoldenExample> examples)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(examples);
        _examples = [.. examples];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _examples.Length; i++)
        {
            if (_examples[i] is null)
            {
                throw new ArgumentException($"examples[{i}] is null.", nameof(examples));
            }

            if (!seen.Add(_examples[i].Id))
            {
                throw new ArgumentException($"examples[{i}] repeats an earlier id.", nameof(examples));
            }
        }

        Reference = new GoldenSetReference(name, version, GoldenHash.Compute(_examples), _examples.Length);
    }

    /// <summary>Name, version, content hash and size: record this with every result.</summary>
    public GoldenSetReference Reference { get; }

    /// <summary>The examples, in file order.</summary>
    public IReadOnlyList<GoldenExample> Examples => _examples;

    /// <summary>How many examples.</summary>
    public int Count => _examples.Length;

    /// <summary>The expected fields the given evaluators need, to pass as <c>required</c> when loading.</summary>
    /// <param name="evaluators">The evaluators that will run.</param>
    public static GoldenFields RequiredBy<TOutput>(IEnumerable<IEvaluator<TOutput>> evaluators)
    {
        ArgumentNullException.ThrowIfNull(evaluators);
        return evaluators.Aggregate(GoldenFields.None, (all, e) => all | e.Requires);
    }

    /// <summary>Loads a JSONL golden set (see <see cref="GoldenSetReader"/> for the format).</summary>
    /// <param name="path">The file.</param>
    /// <param name="required">Expected fields every record must have.</param>
    /// <exception cref="GoldenSetFormatException">The file is malformed; the message names file, line and field.</exception>
    public static GoldenSet LoadJsonl(string path, GoldenFields required = GoldenFields.None)
    {
        using GoldenSetReader reader = GoldenSetReader.OpenJsonl(path, required);
        return new GoldenSet(reader.Name, reader.Version, reader.ReadExamples());
    }

    /// <summary>Loads a CSV golden set (see <see cref="GoldenSetReader"/> for the columns).</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The set's name.</param>
    /// <param name="version">The set's version.</param>
    /// <param name="required">Expected fields every record must have.</param>
    /// <exception cref="GoldenSetFormatException">The file is malformed; the message names file, line and field.</exception>
    public static GoldenSet LoadCsv(string path, string name, string version, GoldenFields required = GoldenFields.None)
    {
        using GoldenSetReader reader = GoldenSetReader.OpenCsv(path, name, version, required);
        return new GoldenSet(reader.Name, reader.Version, reader.ReadExamples());
    }

    /// <summary>
    /// A deterministic subset of <paramref name="count"/> examples. With <paramref name="stratifyBy"/> each stratum
    /// keeps its share (largest remainders; every stratum present keeps at least one while the count allows);
    /// examples without the field form one stratum of their own. The same seed and set give the same sample whatever
    /// the file order. The subset keeps the name and version and gets its own content hash.
    /// </summary>
    /// <param name="count">How many examples to keep; the whole set when it has no more.</param>
    /// <param name="stratifyBy"><c>label</c> (the expected label) or a tag such as <c>group</c>; null for a plain random sample.</param>
    /// <param name="seed">The random seed.</param>
    public GoldenSet Sample(int count, string? stratifyBy = null, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (stratifyBy is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(stratifyBy);
        }

        return new GoldenSet(Reference.Name, Reference.Version, StratifiedSampler.Sample(_examples, count, stratifyBy, seed));
    }
}
