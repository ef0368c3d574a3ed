using System.Runtime.CompilerServices;
using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>The two ways the record loaders (JSONL, CSV) hand out what they read.</summary>
internal static class RecordStreams
{
    /// <summary>Every good record, with every bad one (or repeated id) listed as a failure: the whole file in memory.</summary>
    public static async ValueTask<DocumentLoadResult> CollectAsync(string path, IAsyncEnumerable<LoadedRecord> records, CancellationToken cancellationToken)
    {
        var documents = new List<SourceDocument>();
        var failures = new List<DocumentLoadFailure>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (LoadedRecord record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            string? error = record.Error;
            if (error is null && !firstLineOfId.TryAdd(record.Document!.Id, record.Line))
            {
                error = $"duplicate id (first seen on line {firstLineOfId[record.Document.Id]})";
            }

            if (error is null)
            {
                documents.Add(record.Document!);
            }
            else
            {
                failures.Add(new DocumentLoadFailure(path, record.Line, error));
            }
        }

        return new DocumentLoadResult(documents, failures);
    }

    /// <summary>The good records one by one, stopping with <see cref="DocumentLoadException"/> at the first bad one.</summary>
    public static async IAsyncEnumerable<SourceDocument> StopAtFirstFailure(
        string path, IAsyncEnumerable<LoadedRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (LoadedRecord record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (record.Error is not null)
            {
                throw new DocumentLoadException([new DocumentLoadFailure(path, record.Line, record.Error)]);
            }

            yield return record.Document!;
        }
    }
}
