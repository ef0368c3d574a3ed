using System.Net;

namespace HybridAI.Retrieval.Qdrant;

/// <summary>
/// A Qdrant request failed: the server could not be reached, did not answer in time, or answered with an error.
/// The message names the operation and the address; it never holds document text.
/// </summary>
public sealed class QdrantException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public QdrantException()
        : this("A Qdrant request failed.")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public QdrantException(string message)
        : base(message)
    {
        Operation = "";
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    public QdrantException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "";
    }

    /// <summary>Creates an exception for a failed request.</summary>
    public QdrantException(string message, string operation, Uri? endpoint, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        Endpoint = endpoint;
        StatusCode = statusCode;
    }

    /// <summary>What the index was doing, e.g. "upsert points" or "search".</summary>
    public string Operation { get; }

    /// <summary>The request's address.</summary>
    public Uri? Endpoint { get; }

    /// <summary>The HTTP status Qdrant answered with; null when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }
}
