using System.IO.MemoryMappedFiles;
using System.Text;
using System.Text.Json;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Converts the wink-embeddings JSON (<c>{"size","dimensions","l2NormIndex","wordIndex","words":[...],"vectors":{word:[d floats, norm, rank]}}</c>)
/// into the binary of <see cref="WordVectorFileLayout"/>, streaming the JSON token by token and writing rows straight
/// into a memory-mapped output, so neither the 307 MB text nor a copy of the matrix is held in managed memory.
/// The output is written to a temporary file beside the target and renamed over it, so readers never see half a file.
/// </summary>
internal static class WordVectorConverter
{
    /// <summary>Sentences are about this many words long when the common component is estimated from word statistics.</summary>
    private const double TypicalSentenceLength = 10;

    /// <summary>Only the most frequent words feed the second moment; under Zipf they carry about 85 % of the text.</summary>
    private const int MomentWords = 50_000;

    public static void Convert(string jsonPath, string binaryPath)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Word-vector files are little-endian and are memory-mapped as is.");
        }

        string temp = binaryPath + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var json = new FileStream(jsonPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            {
                var reader = new StreamingJsonReader(json);
                try
                {
                    ConvertStream(ref reader, jsonPath, temp);
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"Word-vector JSON '{jsonPath}' cannot be converted: it is not valid JSON near byte {reader.Position} ({e.Message}).", e);
                }
            }

            File.Move(temp, binaryPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static unsafe void ConvertStream(ref StreamingJsonReader reader, string jsonPath, string outputPath)
    {
        int size = -1, dimensions = -1, normIndex = -1, rankIndex = -1;
        List<byte[]>? words = null;
        bool vectorsDone = false;

        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Bad(jsonPath, ref reader, "the file does not start with a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.Current.GetString()!;
            if (!reader.Read())
            {
                break;
            }

            switch (name)
            {
                case "size":
                    size = ReadInt(ref reader, jsonPath, name);
                    break;
                case "dimensions":
                    dimensions = ReadInt(ref reader, jsonPath, name);
                    break;
                case "l2NormIndex":
                    normIndex = ReadInt(ref reader, jsonPath, name);
                    break;
                case "wordIndex":
                    rankIndex = ReadInt(ref reader, jsonPath, name);
                    break;
                case "words":
                    words = ReadWords(ref reader, jsonPath);
                    break;
                case "vectors":
                    if (words is null || size < 0 || dimensions <= 0 || normIndex < 0 || rankIndex < 0)
                    {
                        throw Bad(jsonPath, ref reader, "\"vectors\" comes before \"size\", \"dimensions\", \"l2NormIndex\", \"wordIndex\" and \"words\" (the converter streams and needs them first)");
                    }

                    if (words.Count != size)
                    {
                        throw Bad(jsonPath, ref reader, $"\"size\" is {size} but \"words\" holds {words.Count} words");
                    }

                    WriteBinary(ref reader, jsonPath, outputPath, words, dimensions, normIndex, rankIndex);
                    vectorsDone = true;
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        if (!vectorsDone)
        {
            throw Bad(jsonPath, ref reader, "it has no \"vectors\" object (truncated, or not a wink-embeddings file)");
        }
    }

    private static unsafe void WriteBinary(ref StreamingJsonReader reader, string jsonPath, string outputPath, List<byte[]> words, int dimensions, int normIndex, int rankIndex)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Bad(jsonPath, ref reader, "\"vectors\" is not an object");
        }

        int count = words.Count;
        long wordBytes = words.Sum(w => (long)w.Length);
        var layout = new WordVectorFileLayout(dimensions, count, WordVectorFileLayout.SlotsFor(count), words.Max(w => w.Length), wordBytes);

        using var output = new FileStream(outputPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        output.SetLength(layout.FileLength);
        using var map = MemoryMappedFile.CreateFromFile(output, null, layout.FileLength, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
        using var view = map.CreateViewAccessor(0, layout.FileLength, MemoryMappedFileAccess.ReadWrite);
        byte* basePointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref basePointer);
        try
        {
            byte* file = basePointer + view.PointerOffset;
            float* matrix = (float*)(file + WordVectorFileLayout.MatrixOffset);
            var filled = new bool[count];
            int elements = Math.Max(dimensions, Math.Max(normIndex, rankIndex) + 1);
            var row = new float[elements];
            var key = new byte[layout.MaxWordBytes];
            var zipf = new ZipfWordFrequency(count);
            var component = new PrincipalDirection(dimensions);
            var weighted = new float[dimensions];
            int seen = 0;

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int keyLength = ReadKey(ref reader, jsonPath, key);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                {
                    throw Bad(jsonPath, ref reader, $"the vector of '{Encoding.UTF8.GetString(key, 0, keyLength)}' is not an array");
                }

                int n = 0;
                while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                {
                    if (n < elements)
                    {
                        row[n] = reader.Current.GetSingle();
                    }

                    n++;
                }

                if (n != elements || reader.TokenType != JsonTokenType.EndArray)
                {
                    throw Bad(jsonPath, ref reader, $"the vector of '{Encoding.UTF8.GetString(key, 0, keyLength)}' has {n} numbers, expected {elements}");
                }

                int rank = (int)row[rankIndex];
                if (rank < 0 || rank >= count || !words[rank].AsSpan().SequenceEqual(key.AsSpan(0, keyLength)))
                {
                    throw Bad(jsonPath, ref reader, $"the vector of '{Encoding.UTF8.GetString(key, 0, keyLength)}' says it is word {rank}, which is not that word in \"words\"");
                }

                if (filled[rank])
                {
                    throw Bad(jsonPath, ref reader, $"'{Encoding.UTF8.GetString(key, 0, keyLength)}' has two vectors");
                }

                filled[rank] = true;
                seen++;
                var target = new Span<float>(matrix + ((long)rank * dimensions), dimensions);
                row.AsSpan(0, dimensions).CopyTo(target);
                AddToMoment(component, zipf, rank, target, weighted);
            }

            if (seen != count)
            {
                throw Bad(jsonPath, ref reader, $"\"vectors\" holds {seen} words, \"words\" lists {count} (truncated?)");
            }

            // The part of a sentence average that survives averaging: the mean's outer product, weighted so that the
            // per-word spread counts 1/L for sentences of L words.
            component.AddMeanOuterProduct(1 - (1 / TypicalSentenceLength));
            component.Solve().AsSpan().CopyTo(new Span<float>(file + layout.ComponentOffset, dimensions));

            WriteWords(file, layout, words);
            ulong payload = WordVectorFileLayout.Checksum(file + WordVectorFileLayout.HeaderSize, layout.FileLength - WordVectorFileLayout.HeaderSize);
            layout.WriteHeader(new Span<byte>(file, WordVectorFileLayout.HeaderSize), payload);
            view.Flush();
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }

        output.Flush(flushToDisk: true);
    }

    private static void AddToMoment(PrincipalDirection component, ZipfWordFrequency zipf, int rank, ReadOnlySpan<float> vector, float[] weighted)
    {
        // Second moment of the SIF-weighted word vector under the (Zipf) word distribution, over the frequent words,
        // scaled by 1/L: the spread a sentence average of L words keeps.
        if (rank < MomentWords)
        {
            float sif = zipf.SifWeight(rank, WordVectorEmbeddingOptions.DefaultSifA);
            System.Numerics.Tensors.TensorPrimitives.Multiply(vector, sif, weighted);
            component.Add(weighted, zipf.Probability(rank) / TypicalSentenceLength);
        }
    }

    private static unsafe void WriteWords(byte* file, WordVectorFileLayout layout, List<byte[]> words)
    {
        var offsets = new Span<uint>(file + layout.WordOffsetsOffset, words.Count + 1);
        var bytes = new Span<byte>(file + layout.WordBytesOffset, (int)layout.WordBytesLength);
        var table = new Span<uint>(file + layout.TableOffset, layout.TableSlots * 2);
        uint mask = (uint)layout.TableSlots - 1;
        uint at = 0;
        for (int i = 0; i < words.Count; i++)
        {
            offsets[i] = at;
            byte[] word = words[i];
            word.CopyTo(bytes[(int)at..]);
            at += (uint)word.Length;

            uint hash = StableHash.Utf8(word);
            uint slot = hash & mask;
            while (table[(int)(slot * 2) + 1] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[(int)(slot * 2)] = hash;
            table[(int)(slot * 2) + 1] = (uint)i + 1;
        }

        offsets[words.Count] = at;
    }

    private static List<byte[]> ReadWords(ref StreamingJsonReader reader, string jsonPath)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Bad(jsonPath, ref reader, "\"words\" is not an array");
        }

        var words = new List<byte[]>();
        var unique = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            string word = reader.Current.GetString()!;
            if (!unique.Add(word))
            {
                throw Bad(jsonPath, ref reader, $"'{word}' appears twice in \"words\"");
            }

            words.Add(Encoding.UTF8.GetBytes(word));
        }

        if (words.Count == 0)
        {
            throw Bad(jsonPath, ref reader, "\"words\" is empty");
        }

        return words;
    }

    /// <summary>The property name's UTF-8 bytes; a name longer than every listed word cannot be one of them.</summary>
    private static int ReadKey(ref StreamingJsonReader reader, string jsonPath, byte[] key)
    {
        Utf8JsonReader current = reader.Current;
        if (!current.ValueIsEscaped && current.ValueSpan.Length <= key.Length)
        {
            current.ValueSpan.CopyTo(key);
            return current.ValueSpan.Length;
        }

        string name = current.GetString()!;
        return Encoding.UTF8.GetByteCount(name) <= key.Length
            ? Encoding.UTF8.GetBytes(name, key)
            : throw Bad(jsonPath, ref reader, $"\"vectors\" has '{name}', which is not in \"words\"");
    }

    private static int ReadInt(ref StreamingJsonReader reader, string jsonPath, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.Current.TryGetInt32(out int value) && value >= 0
            ? value
            : throw Bad(jsonPath, ref reader, $"\"{name}\" is not a non-negative integer");

    private static InvalidDataException Bad(string jsonPath, ref StreamingJsonReader reader, string problem) =>
        new($"Word-vector JSON '{jsonPath}' cannot be converted: {problem} (near byte {reader.Position}).");
}
