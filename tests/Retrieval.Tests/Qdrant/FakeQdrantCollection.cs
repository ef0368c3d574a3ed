using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HybridAI.Retrieval.Tests.Qdrant;

/// <summary>
/// One collection of the fake server, with Qdrant's semantics for what the adapter uses: named dense vectors (Cosine
/// vectors are normalised on upsert, so the score is a dot product), sparse vectors scored by dot product with the
/// collection's IDF when the vector is configured with <c>"modifier": "idf"</c> (IDF = ln(1 + (N − n + 0.5) / (n + 0.5))
/// over the points that have the vector), payload filters, the Query API (nearest, prefetch, RRF fusion), scroll
/// ordered by point id with <c>next_page_offset</c>, count, set payload and delete by filter. Callers hold the server's lock.
/// </summary>
internal sealed class FakeQdrantCollection
{
    private readonly Dictionary<string, (int Size, string Distance)> _dense = [];
    private readonly Dictionary<string, string> _sparse = [];
    private readonly SortedDictionary<string, Point> _points = new(StringComparer.Ordinal);
    private readonly JsonObject _payloadSchema = [];
    private long _operations;

    public FakeQdrantCollection(JsonObject create)
    {
        JsonNode? vectors = create["vectors"];
        if (vectors is JsonObject config && config.ContainsKey("size"))
        {
            _dense[""] = Params(config);
        }
        else if (vectors is JsonObject named)
        {
            foreach ((string name, JsonNode? p) in named)
            {
                _dense[name] = Params(p!.AsObject());
            }
        }

        foreach ((string name, JsonNode? p) in create["sparse_vectors"] as JsonObject ?? [])
        {
            _sparse[name] = (string?)p?["modifier"] ?? "none";
        }
    }

    public int Count => _points.Count;

    public JsonObject Info()
    {
        JsonNode vectors = _dense.TryGetValue("", out var single)
            ? VectorParams(single)
            : new JsonObject(_dense.Select(static d => KeyValuePair.Create<string, JsonNode?>(d.Key, VectorParams(d.Value))));
        var sparse = new JsonObject(_sparse.Select(static s => KeyValuePair.Create<string, JsonNode?>(s.Key, new JsonObject { ["modifier"] = s.Value })));
        return new JsonObject
        {
            ["status"] = "green",
            ["optimizer_status"] = "ok",
            ["segments_count"] = 1,
            ["points_count"] = _points.Count,
            ["indexed_vectors_count"] = 0,
            ["payload_schema"] = _payloadSchema.DeepClone(),
            ["config"] = new JsonObject
            {
                ["params"] = new JsonObject { ["vectors"] = vectors, ["sparse_vectors"] = sparse, ["shard_number"] = 1, ["replication_factor"] = 1, ["write_consistency_factor"] = 1, ["on_disk_payload"] = true },
                ["hnsw_config"] = new JsonObject { ["m"] = 16, ["ef_construct"] = 100, ["full_scan_threshold"] = 10000 },
                ["optimizer_config"] = new JsonObject { ["default_segment_number"] = 0, ["flush_interval_sec"] = 5 },
                ["wal_config"] = new JsonObject { ["wal_capacity_mb"] = 32, ["wal_segments_ahead"] = 0 },
            },
        };
    }

    public void CreateIndex(JsonObject request)
    {
        string field = (string)request["field_name"]!;
        _payloadSchema[field] = new JsonObject { ["data_type"] = (string?)request["field_schema"] ?? "keyword", ["points"] = _points.Count };
    }

    public JsonObject Upsert(JsonObject request)
    {
        if (request["points"] is not JsonArray points)
        {
            throw new FakeQdrantException("The fake Qdrant server implements only the PointsList form of upsert");
        }

        var parsed = points.Select(p => ParsePoint(p!.AsObject())).ToList();
        long operation = ++_operations;
        foreach (Point point in parsed)
        {
            _points[point.Id] = point with { Version = operation };
        }

        return Completed(operation);
    }

    public JsonObject SetPayload(JsonObject request)
    {
        JsonObject payload = request["payload"]!.AsObject();
        long operation = ++_operations;
        foreach (Point point in Selected(request).ToList())
        {
            foreach ((string key, JsonNode? value) in payload)
            {
                point.Payload[key] = value?.DeepClone();
            }

            _points[point.Id] = point with { Version = operation };
        }

        return Completed(operation);
    }

    public JsonObject Delete(JsonObject request)
    {
        long operation = ++_operations;
        foreach (Point point in Selected(request).ToList())
        {
            _points.Remove(point.Id);
        }

        return Completed(operation);
    }

    public JsonObject CountPoints(JsonObject request) => new() { ["count"] = _points.Values.Count(p => FakeQdrantFilter.Matches(request["filter"], p.Id, p.Payload)) };

    public JsonObject Scroll(JsonObject request)
    {
        if (request["order_by"] is not null)
        {
            throw new FakeQdrantException("The fake Qdrant server does not implement scroll order_by");
        }

        int limit = (int?)request["limit"] ?? 10;
        string? offset = request["offset"] is JsonNode o ? IdKey(o) : null;
        var page = new JsonArray();
        string? next = null;
        foreach (Point point in _points.Values)
        {
            if ((offset is not null && string.CompareOrdinal(point.Id, offset) < 0) || !FakeQdrantFilter.Matches(request["filter"], point.Id, point.Payload))
            {
                continue;
            }

            if (page.Count == limit)
            {
                next = point.Id;
                break;
            }

            page.Add(Output(point, null, request["with_payload"] ?? true, request["with_vector"] ?? false));
        }

        return new JsonObject { ["points"] = page, ["next_page_offset"] = next is null ? null : IdNode(next) };
    }

    public JsonObject Query(JsonObject request)
    {
        List<(Point Point, double Score)> ranked = Evaluate(request);
        int offset = (int?)request["offset"] ?? 0;
        var points = new JsonArray();
        foreach ((Point point, double score) in ranked.Skip(offset))
        {
            points.Add(Output(point, score, request["with_payload"] ?? false, request["with_vector"] ?? false));
        }

        return new JsonObject { ["points"] = points };
    }

    /// <summary>A query or prefetch: candidates (all points, or the union of the prefetches), filtered, scored, cut to limit.</summary>
    private List<(Point Point, double Score)> Evaluate(JsonObject request)
    {
        int limit = (int?)request["limit"] ?? 10;
        JsonNode? filter = request["filter"];
        List<List<(Point Point, double Score)>> prefetched = request["prefetch"] switch
        {
            null => [],
            JsonArray many => [.. many.Select(p => Evaluate(p!.AsObject()))],
            JsonObject one => [Evaluate(one)],
            _ => throw new FakeQdrantException("Format error: prefetch"),
        };
        IEnumerable<Point> candidates = request["prefetch"] is null ? _points.Values : prefetched.SelectMany(static l => l.Select(static h => h.Point)).DistinctBy(static p => p.Id);
        candidates = candidates.Where(p => FakeQdrantFilter.Matches(filter, p.Id, p.Payload)).ToList();

        JsonNode? query = request["query"];
        string vectorName = (string?)request["using"] ?? "";
        IEnumerable<(Point Point, double Score)> scored = query switch
        {
            null => candidates.Select(static p => (p, 0.0)),
            JsonArray dense => Nearest(candidates, vectorName, dense),
            JsonObject o when o.ContainsKey("indices") => Sparse(candidates, vectorName, o),
            JsonObject o when o["nearest"] is JsonNode nearest && o["mmr"] is null => nearest is JsonArray d ? Nearest(candidates, vectorName, d) : Sparse(candidates, vectorName, nearest.AsObject()),
            JsonObject o when (string?)o["fusion"] == "rrf" => Rrf(prefetched, 2, candidates),
            JsonObject o when o["rrf"] is JsonObject rrf => Rrf(prefetched, (int?)rrf["k"] ?? 2, candidates),
            _ => throw new FakeQdrantException($"The fake Qdrant server does not implement query {query.ToJsonString()}"),
        };

        return [.. scored.OrderByDescending(static s => s.Score).ThenBy(static s => s.Point.Id, StringComparer.Ordinal).Take(limit)];
    }

    private IEnumerable<(Point, double)> Nearest(IEnumerable<Point> candidates, string name, JsonArray query)
    {
        if (!_dense.TryGetValue(name, out var config))
        {
            throw new FakeQdrantException($"Wrong input: Not existing vector name error: {name}");
        }

        float[] q = Floats(query);
        if (q.Length != config.Size)
        {
            throw new FakeQdrantException($"Wrong input: Vector dimension error: expected dim: {config.Size}, got {q.Length}");
        }

        if (config.Distance == "Cosine")
        {
            Normalize(q);
        }

        return candidates.Where(p => p.Dense.ContainsKey(name)).Select(p => (p, (double)Dot(q, p.Dense[name])));
    }

    private IEnumerable<(Point, double)> Sparse(IEnumerable<Point> candidates, string name, JsonObject query)
    {
        if (!_sparse.TryGetValue(name, out string? modifier))
        {
            throw new FakeQdrantException($"Wrong input: Not existing vector name error: {name}");
        }

        (uint[] indices, float[] values) = ParseSparse(query);
        var idf = new Dictionary<uint, double>();
        if (modifier == "idf")
        {
            // Statistics over the whole collection, not the filtered candidates, as Qdrant computes them.
            List<Point> holders = [.. _points.Values.Where(p => p.Sparse.ContainsKey(name))];
            foreach (uint index in indices)
            {
                int n = holders.Count(p => Array.BinarySearch(p.Sparse[name].Indices, index) >= 0);
                idf[index] = Math.Log(1 + ((holders.Count - n + 0.5) / (n + 0.5)));
            }
        }

        foreach (Point point in candidates)
        {
            if (!point.Sparse.TryGetValue(name, out var stored))
            {
                continue;
            }

            double score = 0;
            bool overlap = false;
            for (int i = 0; i < indices.Length; i++)
            {
                int at = Array.BinarySearch(stored.Indices, indices[i]);
                if (at >= 0)
                {
                    overlap = true;
                    score += values[i] * stored.Values[at] * idf.GetValueOrDefault(indices[i], 1);
                }
            }

            if (overlap)
            {
                yield return (point, score);
            }
        }
    }

    /// <summary>Σ 1 / (k + rank) over the prefetch lists, rank from 1.</summary>
    private static IEnumerable<(Point, double)> Rrf(List<List<(Point Point, double Score)>> lists, int k, IEnumerable<Point> candidates)
    {
        var allowed = candidates.Select(static p => p.Id).ToHashSet(StringComparer.Ordinal);
        var fused = new Dictionary<string, (Point Point, double Score)>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            for (int rank = 0; rank < list.Count; rank++)
            {
                Point point = list[rank].Point;
                if (allowed.Contains(point.Id))
                {
                    double add = 1.0 / (k + rank + 1);
                    fused[point.Id] = fused.TryGetValue(point.Id, out var seen) ? (point, seen.Score + add) : (point, add);
                }
            }
        }

        return fused.Values.Select(static f => (f.Point, f.Score));
    }

    private IEnumerable<Point> Selected(JsonObject request)
    {
        if (request["points"] is JsonArray ids)
        {
            var wanted = ids.Select(static i => IdKey(i!)).ToHashSet(StringComparer.Ordinal);
            return _points.Values.Where(p => wanted.Contains(p.Id));
        }

        if (request["filter"] is JsonObject filter)
        {
            return _points.Values.Where(p => FakeQdrantFilter.Matches(filter, p.Id, p.Payload));
        }

        throw new FakeQdrantException("Bad request: either points or filter is required");
    }

    private Point ParsePoint(JsonObject point)
    {
        string id = IdKey(point["id"]!);
        var dense = new Dictionary<string, float[]>();
        var sparse = new Dictionary<string, (uint[], float[])>();
        JsonNode? vector = point["vector"];
        if (vector is JsonArray unnamed)
        {
            dense[""] = CheckedDense("", Floats(unnamed));
        }
        else if (vector is JsonObject named)
        {
            foreach ((string name, JsonNode? value) in named)
            {
                if (value is JsonArray array)
                {
                    dense[name] = CheckedDense(name, Floats(array));
                }
                else if (value is JsonObject s && _sparse.ContainsKey(name))
                {
                    sparse[name] = ParseSparse(s);
                }
                else
                {
                    throw new FakeQdrantException($"Wrong input: Not existing vector name error: {name}");
                }
            }
        }

        return new Point(id, point["payload"] is JsonObject payload ? (JsonObject)payload.DeepClone() : [], dense, sparse, 0);
    }

    private float[] CheckedDense(string name, float[] vector)
    {
        if (!_dense.TryGetValue(name, out var config))
        {
            throw new FakeQdrantException($"Wrong input: Not existing vector name error: {name}");
        }

        if (vector.Length != config.Size)
        {
            throw new FakeQdrantException($"Wrong input: Vector dimension error: expected dim: {config.Size}, got {vector.Length}");
        }

        if (config.Distance == "Cosine")
        {
            Normalize(vector);
        }

        return vector;
    }

    private static (uint[] Indices, float[] Values) ParseSparse(JsonObject sparse)
    {
        uint[] indices = [.. sparse["indices"]!.AsArray().Select(static i => (uint)i!)];
        float[] values = Floats(sparse["values"]!.AsArray());
        if (indices.Length != values.Length || indices.Distinct().Count() != indices.Length)
        {
            throw new FakeQdrantException("Wrong input: sparse vector indices must be unique and as many as its values");
        }

        Array.Sort(indices, values);
        return (indices, values);
    }

    private static JsonObject Output(Point point, double? score, JsonNode withPayload, JsonNode withVector)
    {
        var output = new JsonObject { ["id"] = IdNode(point.Id) };
        if (score is double s)
        {
            output["version"] = point.Version;
            output["score"] = s;
        }

        if (withPayload is JsonArray fields)
        {
            var names = fields.Select(static f => (string)f!).ToHashSet(StringComparer.Ordinal);
            output["payload"] = new JsonObject(point.Payload.Where(p => names.Contains(p.Key)).Select(static p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        }
        else if (withPayload is JsonValue include && include.GetValueKind() == JsonValueKind.True)
        {
            output["payload"] = point.Payload.DeepClone();
        }

        HashSet<string>? vectorNames = withVector switch
        {
            JsonArray names => [.. names.Select(static n => (string)n!)],
            JsonValue all when all.GetValueKind() == JsonValueKind.True => [.. point.Dense.Keys, .. point.Sparse.Keys],
            _ => null,
        };
        if (vectorNames is not null)
        {
            var vectors = new JsonObject();
            foreach ((string name, float[] dense) in point.Dense.Where(d => vectorNames.Contains(d.Key)))
            {
                vectors[name] = new JsonArray([.. dense.Select(static v => (JsonNode?)v)]);
            }

            foreach ((string name, (uint[] indices, float[] values)) in point.Sparse.Where(d => vectorNames.Contains(d.Key)))
            {
                vectors[name] = new JsonObject
                {
                    ["indices"] = new JsonArray([.. indices.Select(static i => (JsonNode?)i)]),
                    ["values"] = new JsonArray([.. values.Select(static v => (JsonNode?)v)]),
                };
            }

            output["vector"] = vectors;
        }

        return output;
    }

    private static JsonObject Completed(long operation) => new() { ["operation_id"] = operation, ["status"] = "completed" };

    /// <summary>Sort key of a point id: unsigned integers first (zero-padded), then UUIDs in canonical lower-case form.</summary>
    private static string IdKey(JsonNode id) => id.GetValueKind() == JsonValueKind.Number
        ? "0:" + ((ulong)id).ToString("D20", CultureInfo.InvariantCulture)
        : "1:" + (Guid.TryParse((string?)id, out Guid g) ? g.ToString("D") : throw new FakeQdrantException($"Format error: point id '{id}' is neither an unsigned integer nor a UUID"));

    private static JsonValue IdNode(string key) => key[0] == '0' ? JsonValue.Create(ulong.Parse(key[2..], CultureInfo.InvariantCulture)) : JsonValue.Create(key[2..]);

    private static (int, string) Params(JsonObject config) => ((int)config["size"]!, (string)config["distance"]!);

    private static JsonObject VectorParams((int Size, string Distance) p) => new() { ["size"] = p.Size, ["distance"] = p.Distance };

    private static float[] Floats(JsonArray array) => [.. array.Select(static v => (float)v!)];

    private static float Dot(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static void Normalize(float[] v)
    {
        float norm = System.Numerics.Tensors.TensorPrimitives.Norm(v);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        }
    }

    private sealed record Point(string Id, JsonObject Payload, Dictionary<string, float[]> Dense, Dictionary<string, (uint[] Indices, float[] Values)> Sparse, long Version);
}
