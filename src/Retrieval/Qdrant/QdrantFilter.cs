using System.Text.Json.Nodes;

namespace HybridAI.Retrieval.Qdrant;

/// <summary>
/// Builds Qdrant filters (<c>{"must": [...]}</c>). A point is live at version v when <c>added ≤ v &lt; removed</c>;
/// a point that was never removed carries <see cref="QdrantPoints.NeverRemoved"/>, so one range condition covers it.
/// </summary>
internal sealed class QdrantFilter
{
    private readonly JsonArray _must = [];

    public static QdrantFilter Chunks() => new QdrantFilter().Match(QdrantPoints.Record, QdrantPoints.ChunkRecord);

    public static QdrantFilter Documents() => new QdrantFilter().Match(QdrantPoints.Record, QdrantPoints.DocumentRecord);

    public static QdrantFilter Versions() => new QdrantFilter().Match(QdrantPoints.Record, QdrantPoints.VersionRecord);

    public QdrantFilter Match(string key, string value)
    {
        _must.Add(new JsonObject { ["key"] = key, ["match"] = new JsonObject { ["value"] = value } });
        return this;
    }

    /// <summary>Only the records of these documents (chunks and markers alike when no record kind was matched).</summary>
    public QdrantFilter DocumentIn(IEnumerable<string> documentIds)
    {
        var any = new JsonArray();
        foreach (string id in documentIds.Distinct(StringComparer.Ordinal))
        {
            any.Add(id);
        }

        _must.Add(new JsonObject { ["key"] = QdrantPoints.DocumentId, ["match"] = new JsonObject { ["any"] = any } });
        return this;
    }

    /// <summary>Live at <paramref name="version"/>: added at or before it, not removed by then.</summary>
    public QdrantFilter LiveAt(long version) => Range(QdrantPoints.Added, "lte", version).Range(QdrantPoints.Removed, "gt", version);

    public QdrantFilter Range(string key, string op, long value)
    {
        _must.Add(new JsonObject { ["key"] = key, ["range"] = new JsonObject { [op] = value } });
        return this;
    }

    /// <summary>Every key/value pair of a search filter must hold on the chunk's metadata.</summary>
    /// <exception cref="ArgumentException">A key is empty or holds a double quote.</exception>
    public QdrantFilter Metadata(IReadOnlyDictionary<string, string>? metadata)
    {
        foreach ((string key, string value) in metadata ?? QdrantPoints.NoMetadata)
        {
            if (string.IsNullOrEmpty(key) || key.Contains('"', StringComparison.Ordinal))
            {
                throw new ArgumentException("Metadata filter keys must be non-empty and must not contain a double quote.", nameof(metadata));
            }

            Match(QdrantPoints.MetadataPath(key), value ?? string.Empty);
        }

        return this;
    }

    public JsonObject ToJson() => new() { ["must"] = _must.DeepClone() };
}
