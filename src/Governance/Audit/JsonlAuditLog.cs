using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace HybridAI.Governance.Audit;

/// <summary>
/// A tamper-evident audit trail in an append-only JSON Lines file: one JSON object per event, each with its
/// <c>prev_hash</c> and <c>hash</c> (the same SHA-256 chain as <see cref="SqliteAuditLog"/>). Events are queued and
/// appended in batches, one write and one fsync per batch; the chain head (last id and hash) is kept beside the file
/// in <c>FILE.head</c> so that records removed at the end are detected too. Writers take <c>FILE.lock</c> for each
/// batch, so several processes may append to one file; readers take no lock.
/// </summary>
/// <example>
/// <code>
/// await using (var audit = new JsonlAuditLog("audit.jsonl"))
/// {
///     var middleware = new AuditMiddleware(audit, PiiDetector.CreateDefault());
///     // ... run workflows ...
/// }
/// var check = await JsonlAuditLog.VerifyAsync("audit.jsonl");   // check.IsValid, or check.FirstBadRowId
/// </code>
/// </example>
public sealed class JsonlAuditLog : IAuditLog
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private readonly string _path;
    private readonly FileStream _file;
    private readonly AuditWriter _writer;
    private readonly AuditRowHasher _hasher = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly byte[] _previous = new byte[AuditRowHasher.HashSize];
    private readonly byte[] _hash = new byte[AuditRowHasher.HashSize];
    private Utf8JsonWriter? _json;
    private long _lastId;
    private long _knownLength = -1;
    private int _disposed;

    /// <summary>Opens (or creates) the file and starts the background writer.</summary>
    /// <param name="path">The JSON Lines file; <c>PATH.head</c> and <c>PATH.lock</c> are kept beside it.</param>
    /// <param name="batchSize">The most events per write.</param>
    /// <param name="capacity">The most events waiting in the queue.</param>
    /// <param name="retryFor">How long a batch is retried while another process holds the lock (30 s when null).</param>
    public JsonlAuditLog(string path, int batchSize = SqliteAuditLog.DefaultBatchSize, int capacity = SqliteAuditLog.DefaultCapacity, TimeSpan? retryFor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _path = path;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        _writer = new AuditWriter(new Store(this), $"'{path}'", batchSize, capacity, retryFor ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>The JSON Lines file.</summary>
    public string Path => _path;

    /// <inheritdoc />
    public string Location => _path;

    /// <inheritdoc />
    public ValueTask WriteAsync(AuditEvent auditEvent) => _writer.WriteAsync(auditEvent);

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var events = new List<AuditEvent>();
        await foreach (var record in ReadRangeAsync(_path, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, runId, cancellationToken).ConfigureAwait(false))
            events.Add(record.Event);
        return events;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<AuditRecord> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, string? runId = null, CancellationToken cancellationToken = default) =>
        ReadRangeAsync(_path, from, to, runId, cancellationToken);

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => VerifyAsync(_path, cancellationToken);

    /// <summary>Reads the records of a JSONL audit file in [<paramref name="from"/>, <paramref name="to"/>), optionally of one run.</summary>
    public static async IAsyncEnumerable<AuditRecord> ReadRangeAsync(string path, DateTimeOffset from, DateTimeOffset to, string? runId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var location = $"'{path}'";
        var previous = new byte[AuditRowHasher.HashSize];
        var hash = new byte[AuditRowHasher.HashSize];
        var lineNumber = 0;
        string? unreadable = null;
        using var reader = OpenReader(path);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            // A bad last line may be a batch still being appended; a bad line with more after it is damage.
            if (unreadable is not null)
                throw new InvalidDataException(unreadable);
            if (line.Length == 0)
                continue;
            if (!JsonlAuditFormat.TryParse(Encoding.UTF8.GetBytes(line), out var row, previous, hash, out var problem))
            {
                unreadable = $"Line {lineNumber} of the audit file '{path}' is not an audit record: {problem}.";
                continue;
            }
            if (row.TimestampUtcTicks < from.UtcTicks || row.TimestampUtcTicks >= to.UtcTicks || (runId is not null && row.RunId != runId))
                continue;
            yield return new AuditRecord(row.Id, row.ToEvent(location));
        }
    }

    /// <summary>
    /// Checks the hash chain of a JSONL audit file: every line's <c>prev_hash</c> and <c>hash</c>, the ids in order,
    /// and the head kept in <c>PATH.head</c>; reports the first record (and its line) that does not match.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The audit file '{path}' does not exist.", path);
        // Hold the writers' lock: the lines and the head are then seen as of one moment.
        await using var writeLock = await AcquireLockAsync(path, cancellationToken).ConfigureAwait(false);
        var check = new AuditChainCheck();
        var previous = new byte[AuditRowHasher.HashSize];
        var hash = new byte[AuditRowHasher.HashSize];
        var lineNumber = 0;
        using (var reader = OpenReader(path))
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (!JsonlAuditFormat.TryParse(Encoding.UTF8.GetBytes(line), out var row, previous, hash, out var problem))
                    return check.Unreadable($"Line {lineNumber} is not an audit record: {problem}.");
                if (!previous.AsSpan().SequenceEqual(check.LastHash) && row.Id == check.LastId + 1)
                    return new AuditVerification(false, check.Count + 1, row.Id, $"Record {row.Id} (line {lineNumber}) does not name the previous record's hash: records before it were edited, removed or reordered.");
                if (check.Next(row, hash, $" (line {lineNumber})") is { } bad)
                    return bad;
            }
        }
        var (headId, headHash) = ReadHead(path);
        return check.Finish(headId, headHash);
    }

    /// <summary>Appends everything still queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            _json?.Dispose();
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static StreamReader OpenReader(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan),
            new UTF8Encoding(false, throwOnInvalidBytes: false));

    private static string HeadPath(string path) => path + ".head";

    private static (long Id, byte[] Hash) ReadHead(string path)
    {
        var hash = new byte[AuditRowHasher.HashSize];
        if (!File.Exists(HeadPath(path)))
            return (0, hash);
        try
        {
            using var head = JsonDocument.Parse(File.ReadAllBytes(HeadPath(path)));
            var id = head.RootElement.GetProperty("last_id").GetInt64();
            var hex = head.RootElement.GetProperty("last_hash").GetString() ?? "";
            Convert.FromHexString(hex, hash, out _, out _);
            return (id, hash);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // An unreadable head cannot vouch for the end of the file: -1 never matches.
            return (-1, hash);
        }
    }

    /// <summary>Takes <c>PATH.lock</c> exclusively (an flock on Unix, released by the OS if the process dies).</summary>
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException ex) when (IsSharingViolation(ex) && DateTime.UtcNow < giveUpAt)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Windows: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION; Unix: the flock's EWOULDBLOCK (11 on Linux, 35 on macOS).
    private static bool IsSharingViolation(IOException ex) =>
        OperatingSystem.IsWindows() ? (ex.HResult & 0xFFFF) is 32 or 33 : ex.HResult is 11 or 35;

    private void ReadTail()
    {
        _lastId = 0;
        Array.Clear(_previous);
        var length = _file.Length;
        if (length == 0)
            return;
        var chunk = (int)Math.Min(length, 64 * 1024);
        while (true)
        {
            var bytes = new byte[chunk];
            _file.Seek(length - chunk, SeekOrigin.Begin);
            _file.ReadExactly(bytes);
            if (bytes[^1] != (byte)'\n')
                throw new InvalidDataException($"The audit file '{_path}' ends with an incomplete record; run 'hybridai audit verify --jsonl {_path}'.");
            var start = bytes.AsSpan(0, bytes.Length - 1).LastIndexOf((byte)'\n');
            if (start >= 0 || chunk == length)
            {
                var line = bytes.AsSpan(start + 1, bytes.Length - start - 2);
                var ignored = new byte[AuditRowHasher.HashSize];
                if (!JsonlAuditFormat.TryParse(line, out var row, ignored, _previous, out var problem))
                    throw new InvalidDataException($"The last line of the audit file '{_path}' is not an audit record: {problem}.");
                _lastId = row.Id;
                return;
            }
            chunk = (int)Math.Min(length, (long)chunk * 4);
        }
    }

    private void WriteHead()
    {
        Span<char> hex = stackalloc char[AuditRowHasher.HashSize * 2];
        Convert.TryToHexStringLower(_previous, hex, out _);
        var text = Encoding.UTF8.GetBytes($"{{\"last_id\":{_lastId},\"last_hash\":\"{hex}\"}}\n");
        var temporary = HeadPath(_path) + ".tmp";
        using (var head = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            head.Write(text);
            head.Flush(flushToDisk: true);
        }
        File.Move(temporary, HeadPath(_path), overwrite: true);
    }

    private sealed class Store(JsonlAuditLog log) : IAuditBatchStore
    {
        public async ValueTask StoreAsync(ReadOnlyMemory<AuditEvent> batch, CancellationToken cancellationToken)
        {
            await using var writeLock = await AcquireLockAsync(log._path, cancellationToken).ConfigureAwait(false);
            Append(batch.Span);
        }

        private void Append(ReadOnlySpan<AuditEvent> batch)
        {
            var file = log._file;
            if (file.Length != log._knownLength)
                log.ReadTail(); // another process appended since our last batch (or this is the first)
            var buffer = log._buffer;
            buffer.ResetWrittenCount();
            var id = log._lastId;
            foreach (ref readonly var e in batch)
            {
                var row = AuditRow.From(++id, e);
                log._hasher.Compute(log._previous, row, log._hash);
                JsonlAuditFormat.AppendLine(buffer, ref log._json, row, log._previous, log._hash);
                log._hash.CopyTo(log._previous, 0);
            }
            var start = file.Length;
            try
            {
                file.Seek(start, SeekOrigin.Begin);
                file.Write(buffer.WrittenSpan);
                file.Flush(flushToDisk: true);
            }
            catch
            {
                file.SetLength(start); // all of the batch or none of it
                log._knownLength = -1;
                throw;
            }
            log._lastId = id;
            log._knownLength = file.Length;
            log.WriteHead();
        }

        public bool IsTransient(Exception exception) => exception is IOException io && IsSharingViolation(io);
    }
}
