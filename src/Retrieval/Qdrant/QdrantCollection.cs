using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HybridAI.Retrieval.Qdrant;

/// <summary>The REST operations the index uses on its one collection, each a single request (scroll: one per page).</summary>
internal sealed class QdrantCollection(QdrantHttp http, string name, int scrollPageSize)
{
    private readonly string _path = "collections/" + QdrantHttp.Escape(name);

    public string Name => name;

    /// <summary>
    /// Creates the collection (dense cosine vector of <paramref name="dimensions"/>, sparse keyword vector with server-side
    /// IDF, payload indexes on the fields every filter uses) or checks that the existing one fits.
    /// </summary>
    /// <exception cref="QdrantException">The collection exists with another dimension, or without the index's vectors.</exception>
    public async Task EnsureAsync(int dimensions, CancellationToken cancellationToken)
    {
        JsonElement? info = await GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (info is JsonElement existing)
        {
            Check(existing, dimensions);
            return;
        }

        var create = new JsonObject
        {
            ["vectors"] = new JsonObject { [QdrantPoints.DenseVector] = new JsonObject { ["size"] = dimensions, ["distance"] = "Cosine" } },
            ["sparse_vectors"] = new JsonObject { [QdrantPoints.SparseVector] = new JsonObject { ["modifier"] = "idf" } },
        };
        await http.SendAsync(HttpMethod.Put, _path, create, $"create collection '{name}'", cancellationToken).ConfigureAwait(false);
        foreach ((string field, string type) in new[]
        {
            (QdrantPoints.Record, "keyword"), (QdrantPoints.DocumentId, "keyword"), (QdrantPoints.Added, "integer"), (QdrantPoints.Removed, "integer"),
        })
        {
            await http.SendAsync(HttpMethod.Put, _path + "/index?wait=true", new JsonObject { ["field_name"] = field, ["field_schema"] = type },
                $"create payload index '{field}' in '{name}'", cancellationToken).ConfigureAwait(false);
        }
    }

    public Task DeleteCollectionAsync(CancellationToken cancellationToken) =>
        http.SendAsync(HttpMethod.Delete, _path, null, $"delete collection '{name}'", cancellationToken);

    public Task UpsertAsync(IReadOnlyList<JsonObject> points, CancellationToken cancellationToken)
    {
        var array = new JsonArray();
        foreach (JsonObject point in points)
        {
            array.Add(point);
        }

        return http.SendAsync(HttpMethod.Put, _path + "/points?wait=true", new JsonObject { ["points"] = array }, $"upsert points into '{name}'", cancellationToken);
    }

    /// <summary>Sets payload keys on every point the filter selects.</summary>
    public Task SetPayloadAsync(JsonObject payload, QdrantFilter filter, CancellationToken cancellationToken) =>
        http.SendAsync(HttpMethod.Post, _path + "/points/payload?wait=true", new JsonObject { ["payload"] = payload, ["filter"] = filter.ToJson() },
            $"set payload in '{name}'", cancellationToken);

    public Task DeletePointsAsync(QdrantFilter filter, CancellationToken cancellationToken) =>
        http.SendAsync(HttpMethod.Post, _path + "/points/delete?wait=true", new JsonObject { ["filter"] = filter.ToJson() },
            $"delete points from '{name}'", cancellationToken);

    public async Task<long> CountAsync(QdrantFilter filter, CancellationToken cancellationToken)
    {
        JsonElement result = await http.SendAsync(HttpMethod.Post, _path + "/points/count", new JsonObject { ["filter"] = filter.ToJson(), ["exact"] = true },
            $"count points in '{name}'", cancellationToken).ConfigureAwait(false);
        return result.GetProperty("count").GetInt64();
    }

    /// <summary>Runs a Query API request and returns its scored points, best first.</summary>
    public async Task<List<JsonElement>> QueryAsync(JsonObject request, CancellationToken cancellationToken)
    {
        JsonElement result = await http.SendAsync(HttpMethod.Post, _path + "/points/query", request, $"search '{name}'", cancellationToken).ConfigureAwait(false);
        return [.. result.GetProperty("points").EnumerateArray()];
    }

    /// <summary>Every point the filter selects, one page per request, following <c>next_page_offset</c>.</summary>
    public async IAsyncEnumerable<JsonElement> ScrollAsync(QdrantFilter filter, bool withDense, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JsonNode? offset = null;
        do
        {
            var request = new JsonObject
            {
                ["filter"] = filter.ToJson(),
                ["limit"] = scrollPageSize,
                ["with_payload"] = true,
                ["with_vector"] = withDense ? new JsonArray(QdrantPoints.DenseVector) : false,
            };
            if (offset is not null)
            {
                request["offset"] = offset;
            }

            JsonElement page = await http.SendAsync(HttpMethod.Post, _path + "/points/scroll", request, $"scroll points of '{name}'", cancellationToken).ConfigureAwait(false);
            foreach (JsonElement point in page.GetProperty("points").EnumerateArray())
            {
                yield return point;
            }

            offset = page.TryGetProperty("next_page_offset", out JsonElement next) && next.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? JsonNode.Parse(next.GetRawText())
                : null;
        }
        while (offset is not null);
    }

    private async Task<JsonElement?> GetInfoAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(HttpMethod.Get, _path, null, $"read collection '{name}'", cancellationToken).ConfigureAwait(false);
        }
        catch (QdrantException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private void Check(JsonElement info, int dimensions)
    {
        JsonElement parameters = info.GetProperty("config").GetProperty("params");
        if (!parameters.TryGetProperty("vectors", out JsonElement vectors) || vectors.ValueKind != JsonValueKind.Object
            || !vectors.TryGetProperty(QdrantPoints.DenseVector, out JsonElement dense) || dense.ValueKind != JsonValueKind.Object)
        {
            throw new QdrantException($"Qdrant collection '{name}' has no dense vector named '{QdrantPoints.DenseVector}': it was not created by QdrantDocumentIndex. Use another collection name.");
        }

        long size = dense.GetProperty("size").GetInt64();
        if (size != dimensions)
        {
            throw new QdrantException(string.Create(CultureInfo.InvariantCulture,
                $"Qdrant collection '{name}' holds {size}-dimensional vectors, but the embedding generator makes {dimensions}-dimensional ones (expected {dimensions}, actual {size}). Use the generator the collection was built with, or another collection name."));
        }

        string distance = dense.TryGetProperty("distance", out JsonElement d) ? d.GetString() ?? "" : "";
        if (!distance.Equals("Cosine", StringComparison.OrdinalIgnoreCase))
        {
            throw new QdrantException($"Qdrant collection '{name}' measures '{distance}' distance; QdrantDocumentIndex needs Cosine.");
        }

        if (!parameters.TryGetProperty("sparse_vectors", out JsonElement sparse) || sparse.ValueKind != JsonValueKind.Object
            || !sparse.TryGetProperty(QdrantPoints.SparseVector, out _))
        {
            throw new QdrantException($"Qdrant collection '{name}' has no sparse vector named '{QdrantPoints.SparseVector}' for keyword search: it was not created by QdrantDocumentIndex. Use another collection name.");
        }
    }
}
