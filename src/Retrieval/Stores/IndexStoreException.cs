namespace HybridAI.Retrieval.Stores;

/// <summary>
/// An <see cref="IndexStore"/> folder cannot be used as asked: there is no store, a file in it is damaged, or the
/// embedder or chunker asked for is not the one the store was built with. The message names the file or both settings.
/// </summary>
public sealed class IndexStoreException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public IndexStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IndexStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public IndexStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
