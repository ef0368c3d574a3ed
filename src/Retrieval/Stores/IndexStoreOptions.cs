namespace HybridAI.Retrieval.Stores;

/// <summary>How an <see cref="IndexStore"/> is opened or created.</summary>
public sealed class IndexStoreOptions
{
    /// <summary>
    /// <c>hash</c>, <c>hash:DIMENSIONS</c>, <c>glove</c> or <c>onnx:MODEL</c> (an .onnx file, or a folder with model.onnx
    /// and vocab.txt). A new store is built with it (null: <see cref="IndexStore.DefaultEmbedder"/>); an existing store
    /// must have been built with it (null: whatever it was built with).
    /// </summary>
    public string? Embedder { get; init; }

    /// <summary><c>paragraph</c> or <c>tokens</c>; like <see cref="Embedder"/>, it must match an existing store's (null: the store's, or paragraph).</summary>
    public string? Chunker { get; init; }

    /// <summary>
    /// Passed to <see cref="Sqlite.SqliteIndexOptions.HnswThreshold"/>. Default 10 000. A process that opens a store for
    /// one search (a command line) should pass <see cref="int.MaxValue"/>: the graph is built in memory on the first
    /// vector search, which costs far more than one exact scan.
    /// </summary>
    public int HnswThreshold { get; init; } = 10_000;

    /// <summary>
    /// How long to wait for another process that has the store open (one process at a time may open a store) before
    /// giving up with an <see cref="IndexStoreException"/>. Default 10 seconds.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Opening checks that the stored vectors are ones the index wrote (finite, unit length): by default
    /// <see cref="DefaultVectorSamples"/> of them spread over the file (all of them in a smaller store), so opening
    /// a large store stays cheap; true reads every one.
    /// </summary>
    public bool CheckEveryVector { get; init; }

    /// <summary>How many vectors opening checks when <see cref="CheckEveryVector"/> is false.</summary>
    public const int DefaultVectorSamples = 4096;
}
