using HybridAI.Retrieval.Embeddings;

namespace HybridAI.Retrieval.Tests.Embeddings;

public sealed class WordVectorFileTests
{
    [Fact]
    public void Conversion_keeps_every_word_and_vector_in_frequency_order()
    {
        using var folder = new TempDirectory();
        string binary = folder.File("tiny.hwv");
        WordVectors.Convert(TinyWinkJson.Write(folder), binary);

        using var vectors = WordVectors.Open(binary);

        Assert.Equal(4, vectors.Dimensions);
        Assert.Equal(TinyWinkJson.Words.Length, vectors.Count);
        for (int row = 0; row < TinyWinkJson.Words.Length; row++)
        {
            Assert.Equal(row, vectors.IndexOf(TinyWinkJson.Words[row]));
            Assert.Equal(TinyWinkJson.Words[row], vectors.GetWord(row));
            Assert.Equal(TinyWinkJson.Vector(row), vectors.GetVector(row).ToArray());
        }

        Assert.Equal(-1, vectors.IndexOf("King"));
        Assert.Equal(-1, vectors.IndexOf("absent"));
        Assert.Equal(-1, vectors.IndexOf(""));
        Assert.Equal(-1, vectors.IndexOf(new string('k', 1000)));
        Assert.False(vectors.TryGetVector("absent", out _));
        Assert.True(vectors.TryGetVector("queen", out ReadOnlySpan<float> queen));
        Assert.Equal(TinyWinkJson.Vector(3), queen.ToArray());
        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(vectors.CommonComponent), 4);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp-*"));
    }

    [Fact]
    public void A_truncated_binary_names_the_file_and_says_it_is_truncated()
    {
        using var folder = new TempDirectory();
        string binary = folder.File("tiny.hwv");
        WordVectors.Convert(TinyWinkJson.Write(folder), binary);
        using (var stream = new FileStream(binary, FileMode.Open))
        {
            stream.SetLength(stream.Length - 10);
        }

        var error = Assert.Throws<InvalidDataException>(() => WordVectors.Open(binary));

        Assert.Contains(binary, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_in_the_vectors_fails_the_checksum_with_the_file_named()
    {
        using var folder = new TempDirectory();
        string binary = folder.File("tiny.hwv");
        WordVectors.Convert(TinyWinkJson.Write(folder), binary);
        byte[] bytes = File.ReadAllBytes(binary);
        bytes[130] ^= 0x40;
        File.WriteAllBytes(binary, bytes);

        var error = Assert.Throws<InvalidDataException>(() => WordVectors.Open(binary));

        Assert.Contains(binary, error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        using var unchecked_ = WordVectors.Open(binary, verifyChecksum: false);
        Assert.NotEqual(TinyWinkJson.Vector(0), unchecked_.GetVector(0).ToArray());
    }

    [Theory]
    [InlineData(3, "shorter than the 128-byte header")]
    [InlineData(200, "magic")]
    public void Something_that_is_not_a_word_vector_file_is_refused_with_the_reason(int length, string reason)
    {
        byte[] content = new byte[length];
        content[0] = (byte)'{';
        using var folder = new TempDirectory();
        string path = folder.File("not-vectors.hwv");
        File.WriteAllBytes(path, content);

        var error = Assert.Throws<InvalidDataException>(() => WordVectors.Open(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_header_is_reported_as_such()
    {
        using var folder = new TempDirectory();
        string binary = folder.File("tiny.hwv");
        WordVectors.Convert(TinyWinkJson.Write(folder), binary);
        byte[] bytes = File.ReadAllBytes(binary);
        bytes[16] ^= 1; // word count
        File.WriteAllBytes(binary, bytes);

        var error = Assert.Throws<InvalidDataException>(() => WordVectors.Open(binary));

        Assert.Contains("header checksum", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"size\":9", "\"size\":10", "\"size\" is 10 but \"words\" holds 9")]
    [InlineData("\"king\":[", "\"kong\":[", "'kong'")]
    [InlineData(",1.5,2]", ",2]", "has 5 numbers, expected 6")]
    [InlineData("},\"unkVector\"", "", "not valid JSON")]
    public void Malformed_JSON_is_refused_naming_the_file_and_the_problem_and_leaves_nothing_behind(string find, string replace, string reason)
    {
        using var folder = new TempDirectory();
        string json = TinyWinkJson.Write(folder, edit: s => s.Replace(find, replace, StringComparison.Ordinal));
        string binary = folder.File("tiny.hwv");

        var error = Assert.Throws<InvalidDataException>(() => WordVectors.Convert(json, binary));

        Assert.Contains(json, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal([json], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Vectors_before_the_word_list_are_refused_because_the_converter_streams()
    {
        using var folder = new TempDirectory();
        string json = folder.Write("late-words.json", "{\"size\":1,\"dimensions\":1,\"l2NormIndex\":1,\"wordIndex\":2,\"vectors\":{\"a\":[1,1,0]},\"words\":[\"a\"]}");

        var error = Assert.Throws<InvalidDataException>(() => WordVectors.Convert(json, folder.File("x.hwv")));

        Assert.Contains("\"vectors\" comes before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_first_opens_convert_once_and_all_see_the_complete_file()
    {
        using var folder = new TempDirectory();
        TinyWinkJson.Write(folder, WinkWordVectors.JsonFileName);

        var opened = new WordVectors[8];
        Parallel.For(0, opened.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => opened[i] = WinkWordVectors.Open(folder.Path));

        try
        {
            Assert.All(opened, v => Assert.Equal(TinyWinkJson.Vector(2), v.GetVector(v.IndexOf("king")).ToArray()));
            Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp-*"));
        }
        finally
        {
            Array.ForEach(opened, v => v.Dispose());
        }
    }

    [Fact]
    public void A_damaged_cached_binary_is_converted_again()
    {
        using var folder = new TempDirectory();
        TinyWinkJson.Write(folder, WinkWordVectors.JsonFileName);
        File.WriteAllText(Path.Combine(folder.Path, WinkWordVectors.BinaryFileName), "half a file");

        using var vectors = WinkWordVectors.Open(folder.Path);

        Assert.Equal(TinyWinkJson.Words.Length, vectors.Count);
    }

    [Fact]
    public void Opening_a_folder_without_the_vectors_says_how_to_get_them()
    {
        using var folder = new TempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => WinkWordVectors.Open(folder.Path));

        Assert.Contains("eng/fetch-deps.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disposed_instance_refuses_reads_instead_of_touching_unmapped_memory()
    {
        using var folder = new TempDirectory();
        string binary = folder.File("tiny.hwv");
        WordVectors.Convert(TinyWinkJson.Write(folder), binary);
        var vectors = WordVectors.Open(binary);
        vectors.Dispose();

        Assert.Throws<ObjectDisposedException>(() => vectors.IndexOf("king"));
        vectors.Dispose();
    }
}
