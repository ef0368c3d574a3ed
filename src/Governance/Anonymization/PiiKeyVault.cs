using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using HybridAI.Governance.Masking;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Anonymization;

/// <summary>
/// A durable vault of per-subject data keys in a SQLite file (WAL), the keys stored wrapped under a master key the
/// caller keeps elsewhere (environment, KMS). Encrypted tokens (<c>&lt;ENC:EMAIL:…&gt;</c>) and sealed pseudonym scopes
/// are readable only through it, and <see cref="EraseSubjectAsync"/> deletes a subject's key (overwritten in the file),
/// which leaves every token of that subject unrecoverable: the right to erasure, without touching audit rows that only
/// ever held tokens. Subjects are known only by a non-personal handle (<see cref="HandleOf"/>). Thread-safe.
/// </summary>
/// <example>
/// <code>
/// byte[] master = PiiKeyVault.CreateMasterKey();           // keep it in a secret store, not beside the file
/// using var keys = new PiiKeyVault("pii-keys.db", master);
/// var anonymizer = new Anonymizer(PiiDetector.CreateDefault(),
///     new AnonymizerOptions { Default = PiiOperator.Encrypt() }, keys);
/// var scope = new PiiVault();
/// string safe = anonymizer.Anonymize("Mail jean@example.fr", scope, subject: "customer-42");
/// // safe == "Mail &lt;ENC:EMAIL:AQ3k…&gt;"
/// string clear = anonymizer.Reidentify(safe, scope);        // "Mail jean@example.fr"
/// await keys.EraseSubjectAsync("customer-42");             // now keys.Decrypt(token) throws PiiVaultException
/// </code>
/// </example>
public sealed class PiiKeyVault : IDisposable
{
    private static readonly byte[] CheckPlaintext = "hybridai.pii.vault.check.v1"u8.ToArray();
    private static readonly byte[] ScopeAad = "hybridai.pii.scope.v1"u8.ToArray();

    private readonly Lock _lock = new();
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly byte[] _wrapKey;
    private readonly byte[] _handleKey;
    private readonly byte[] _scopeKey;
    private readonly Dictionary<string, SubjectKey> _bySubject = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Opens (or creates) the key vault file.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="masterKey">32 bytes (<see cref="CreateMasterKey"/>); the same key must open the file every time.</param>
    /// <param name="timeProvider">Stamps key creation and erasure; the system clock when null.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    /// <exception cref="PiiVaultException">The file was created with another master key.</exception>
    public PiiKeyVault(string path, ReadOnlySpan<byte> masterKey, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (masterKey.Length != VaultCrypto.KeySize)
            throw new ArgumentException($"The master key must be {VaultCrypto.KeySize} bytes; got {masterKey.Length}.", nameof(masterKey));
        Path = path;
        _time = timeProvider ?? TimeProvider.System;
        _wrapKey = VaultCrypto.Derive(masterKey, "key-wrap");
        _handleKey = VaultCrypto.Derive(masterKey, "subject-handle");
        _scopeKey = VaultCrypto.Derive(masterKey, "scope");
        HashKey = VaultCrypto.Derive(masterKey, "value-hash");
        _connection = KeyVaultSchema.Open(path);
        try
        {
            CheckMasterKey();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The vault file.</summary>
    public string Path { get; }

    /// <summary>The HMAC key of the <see cref="PiiOperator.Hash"/> operator: derived from the master key, so hashes are stable across runs.</summary>
    internal byte[] HashKey { get; }

    /// <summary>A new random 32-byte master key.</summary>
    public static byte[] CreateMasterKey() => RandomNumberGenerator.GetBytes(VaultCrypto.KeySize);

    /// <summary>
    /// The non-personal handle of a subject (<c>subj_</c> and 24 hex digits, an HMAC of the id under the master key):
    /// what the vault stores and what errors and logs may show instead of the id, which may itself be personal.
    /// </summary>
    public string HandleOf(string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        Span<byte> mac = stackalloc byte[32];
        var max = Encoding.UTF8.GetMaxByteCount(subject.Length);
        var rented = max <= 512 ? null : ArrayPool<byte>.Shared.Rent(max);
        Span<byte> bytes = rented ?? stackalloc byte[512];
        var n = Encoding.UTF8.GetBytes(subject, bytes);
        HMACSHA256.HashData(_handleKey, bytes[..n], mac);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        return string.Concat("subj_", Convert.ToHexStringLower(mac[..12]));
    }

    /// <summary>
    /// The subject of a value anonymized without a caller-given subject: each value is then its own subject, so
    /// <c>EraseSubjectAsync(SubjectOf(PiiTypes.Email, "jean@example.fr"))</c> erases that address everywhere.
    /// </summary>
    public string SubjectOf(string type, ReadOnlySpan<char> value)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        return string.Concat("value:", ValueHash.Hex(HashKey, type, value, 32));
    }

    /// <summary>
    /// Deletes the subject's key: every token encrypted for it, and its entries in sealed scopes, become unrecoverable
    /// (decryption names the subject's handle). The key's bytes are overwritten in the file. A later value of the same
    /// subject gets a new key. Returns false when the subject had no key.
    /// </summary>
    public Task<bool> EraseSubjectAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        cancellationToken.ThrowIfCancellationRequested();
        var handle = HandleOf(subject);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _bySubject.Remove(handle);
            int erased;
            using (var transaction = _connection.BeginTransaction())
            using (var command = _connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT OR IGNORE INTO erased_keys (key_id, subject, erased_at) SELECT key_id, subject, $now FROM subject_keys WHERE subject = $s;
                    DELETE FROM subject_keys WHERE subject = $s;
                    """;
                command.Parameters.AddWithValue("$s", handle);
                command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
                erased = command.ExecuteNonQuery();
                transaction.Commit();
            }
            // Copy the WAL back and truncate it, so the deleted key leaves no frame behind either.
            using (var checkpoint = _connection.CreateCommand())
            {
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }
            return Task.FromResult(erased > 0);
        }
    }

    /// <summary>Decrypts one <c>&lt;ENC:TYPE:…&gt;</c> token back to its clear value.</summary>
    /// <exception cref="PiiVaultException">The subject was erased, the token was altered, or it is not from this vault.</exception>
    public string Decrypt(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var length = EncryptedToken.Measure(token, out var type, out var data);
        if (length != token.Length)
            throw new PiiVaultException($"Not an encrypted token: expected <ENC:TYPE:data> ({token.Length} characters given).");
        if (!TryDecrypt(type, data, out var value, out var error))
            throw error!;
        return value!;
    }

    /// <summary>
    /// Seals a pseudonym scope (placeholder → original) for a checkpoint or a later session: each original is encrypted
    /// under its subject's key, the whole under a scope key from the master key. Erasing a subject later removes its
    /// entries from every sealed scope.
    /// </summary>
    public byte[] SealScope(PiiVault scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (entries, counters) = scope.Snapshot();
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)1);
            writer.Write7BitEncodedInt(counters.Count);
            foreach (var (type, last) in counters)
            {
                writer.Write(type);
                writer.Write7BitEncodedInt(last);
            }
            writer.Write7BitEncodedInt(entries.Count);
            foreach (var (placeholder, original, subject) in entries)
            {
                var handle = subject ?? HandleOf(SubjectOf(PlaceholderType(placeholder), original));
                var payload = EncryptPayload(placeholder, original, handle);
                writer.Write(placeholder);
                writer.Write(handle);
                writer.Write7BitEncodedInt(payload.Length);
                writer.Write(payload);
            }
        }
        var plain = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var result = VaultCrypto.Seal(_scopeKey, plain, ScopeAad);
        CryptographicOperations.ZeroMemory(plain);
        return result;
    }

    /// <summary>
    /// Opens a scope sealed by <see cref="SealScope"/> (in this or another process): placeholders of erased subjects are
    /// left out, so they stay as placeholders in a re-identified answer; numbering continues where it stopped.
    /// </summary>
    /// <exception cref="PiiVaultException">The data was altered or sealed under another master key.</exception>
    public PiiVault OpenScope(ReadOnlySpan<byte> sealedScope)
    {
        if (sealedScope.Length < VaultCrypto.Overhead)
            throw new PiiVaultException($"Not a sealed scope: {sealedScope.Length} bytes is shorter than its envelope.");
        var plain = new byte[sealedScope.Length - VaultCrypto.Overhead];
        if (!VaultCrypto.TryOpen(_scopeKey, sealedScope, ScopeAad, plain))
            throw new PiiVaultException("The sealed scope does not authenticate: it was altered, or sealed under another master key.");
        var scope = new PiiVault();
        try
        {
            using var reader = new BinaryReader(new MemoryStream(plain), Encoding.UTF8);
            if (reader.ReadByte() != 1)
                throw new PiiVaultException("The sealed scope has an unknown format version.");
            var counters = reader.Read7BitEncodedInt();
            for (var i = 0; i < counters; i++)
                scope.RestoreCounter(reader.ReadString(), reader.Read7BitEncodedInt());
            var entries = reader.Read7BitEncodedInt();
            for (var i = 0; i < entries; i++)
            {
                var placeholder = reader.ReadString();
                var handle = reader.ReadString();
                var payload = reader.ReadBytes(reader.Read7BitEncodedInt());
                if (TryDecryptPayload(placeholder, payload, out var original, out _))
                    scope.Restore(placeholder, original!, handle);
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new PiiVaultException("The sealed scope is truncated.", inner: ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
        return scope;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _bySubject.Clear();
            _connection.Dispose();
        }
        CryptographicOperations.ZeroMemory(_wrapKey);
        CryptographicOperations.ZeroMemory(_scopeKey);
    }

    /// <summary>Shows the file, never a key.</summary>
    public override string ToString() => $"PiiKeyVault({Path})";

    /// <summary>Encrypts a value for a subject into a token (deterministic: same subject, type and value → same token).</summary>
    internal string Encrypt(string type, ReadOnlySpan<char> value, string subjectHandle) =>
        EncryptedToken.Format(type, EncryptPayload(type, value, subjectHandle));

    internal bool TryDecrypt(ReadOnlySpan<char> type, ReadOnlySpan<char> data, out string? value, out PiiVaultException? error)
    {
        value = null;
        if (data.Length > EncryptedToken.MaxLength)
        {
            error = new PiiVaultException("The encrypted token is too long to be one of ours.");
            return false;
        }
        // TryDecodeFromChars throws on a character outside the alphabet: check first.
        var bytes = Base64Url.IsValid(data, out var decoded) ? new byte[decoded] : null;
        var written = 0;
        if (bytes is null || !Base64Url.TryDecodeFromChars(data, bytes, out written))
        {
            error = new PiiVaultException("The encrypted token is damaged: its data is not base64url.");
            return false;
        }
        return TryDecryptPayload(type.ToString(), bytes.AsSpan(0, written), out value, out error);
    }

    private byte[] EncryptPayload(string aadType, ReadOnlySpan<char> value, string subjectHandle)
    {
        var key = KeyFor(subjectHandle);
        var utf16 = !EncryptedToken.IsWellFormed(value);
        var plainLength = utf16 ? value.Length * 2 : Encoding.UTF8.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(plainLength);
        try
        {
            var plain = rented.AsSpan(0, plainLength);
            if (utf16)
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(value).CopyTo(plain);
            else
                Encoding.UTF8.GetBytes(value, plain);
            var payload = new byte[EncryptedToken.HeaderSize + plainLength + VaultCrypto.Overhead];
            payload[0] = utf16 ? EncryptedToken.Utf16Format : EncryptedToken.Utf8Format;
            key.Id.CopyTo(payload, 1);
            var aad = Aad(payload.AsSpan(0, EncryptedToken.HeaderSize), aadType);
            // A synthetic nonce (HMAC of the value under a per-key nonce key): the same value gets the same token,
            // so the model still sees one person; different values collide only with negligible probability.
            Span<byte> mac = stackalloc byte[32];
            using (var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.NonceKey))
            {
                hmac.AppendData(aad);
                hmac.AppendData(plain);
                hmac.GetHashAndReset(mac);
            }
            VaultCrypto.SealWithNonce(key.DataKey, mac[..VaultCrypto.NonceSize], plain, aad, payload.AsSpan(EncryptedToken.HeaderSize));
            CryptographicOperations.ZeroMemory(plain);
            return payload;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private bool TryDecryptPayload(string aadType, ReadOnlySpan<byte> payload, out string? value, out PiiVaultException? error)
    {
        value = null;
        if (payload.Length < EncryptedToken.HeaderSize + VaultCrypto.Overhead
            || payload[0] is not (EncryptedToken.Utf8Format or EncryptedToken.Utf16Format))
        {
            error = new PiiVaultException("The encrypted token is damaged: its header is not one this vault writes.");
            return false;
        }
        var keyId = payload.Slice(1, EncryptedToken.KeyIdSize);
        if (!TryLoadKey(keyId, out var dataKey, out var handle, out error))
            return false;
        var plain = new byte[payload.Length - EncryptedToken.HeaderSize - VaultCrypto.Overhead];
        if (!VaultCrypto.TryOpen(dataKey, payload[EncryptedToken.HeaderSize..], Aad(payload[..EncryptedToken.HeaderSize], aadType), plain))
        {
            error = new PiiVaultException($"The encrypted token of subject '{handle}' does not authenticate: it was altered or its type changed.", handle);
            return false;
        }
        value = payload[0] == EncryptedToken.Utf16Format
            ? new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(plain.AsSpan(0, plain.Length & ~1)))
            : Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        error = null;
        return true;
    }

    private static byte[] Aad(ReadOnlySpan<byte> header, string type)
    {
        var aad = new byte[header.Length + Encoding.UTF8.GetByteCount(type)];
        header.CopyTo(aad);
        Encoding.UTF8.GetBytes(type, aad.AsSpan(header.Length));
        return aad;
    }

    private SubjectKey KeyFor(string handle)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_bySubject.TryGetValue(handle, out var cached))
                return cached;
            using var select = _connection.CreateCommand();
            select.CommandText = "SELECT key_id, wrapped FROM subject_keys WHERE subject = $s;";
            select.Parameters.AddWithValue("$s", handle);
            SubjectKey key;
            using (var row = select.ExecuteReader())
            {
                key = row.Read() ? Unwrap((byte[])row[0], (byte[])row[1], handle) : default;
            }
            if (key.Id is null)
                key = CreateKey(handle);
            _bySubject[handle] = key;
            return key;
        }
    }

    private SubjectKey CreateKey(string handle)
    {
        var dataKey = RandomNumberGenerator.GetBytes(VaultCrypto.KeySize);
        var id = RandomNumberGenerator.GetBytes(EncryptedToken.KeyIdSize);
        using var insert = _connection.CreateCommand();
        // Another process may have created the subject's key meanwhile: keep theirs (UNIQUE subject), then read it back.
        insert.CommandText = """
            INSERT INTO subject_keys (key_id, subject, wrapped, created_at) VALUES ($id, $s, $w, $now) ON CONFLICT(subject) DO NOTHING;
            SELECT key_id, wrapped FROM subject_keys WHERE subject = $s;
            """;
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$s", handle);
        insert.Parameters.AddWithValue("$w", VaultCrypto.Seal(_wrapKey, dataKey, id));
        insert.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        using var row = insert.ExecuteReader();
        do
        {
            if (row.Read())
                return Unwrap((byte[])row[0], (byte[])row[1], handle);
        }
        while (row.NextResult());
        throw new PiiVaultException($"The key of subject '{handle}' could not be stored in '{Path}'.", handle);
    }

    private bool TryLoadKey(ReadOnlySpan<byte> keyId, out byte[] dataKey, out string? handle, out PiiVaultException? error)
    {
        dataKey = [];
        handle = null;
        error = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Read the file each time rather than a cache: an erasure by another process takes effect at once.
            using var select = _connection.CreateCommand();
            select.CommandText = """
                SELECT wrapped, subject, NULL FROM subject_keys WHERE key_id = $id
                UNION ALL SELECT NULL, subject, erased_at FROM erased_keys WHERE key_id = $id;
                """;
            select.Parameters.AddWithValue("$id", keyId.ToArray());
            using var row = select.ExecuteReader();
            if (!row.Read())
            {
                error = new PiiVaultException($"The encrypted token's key is not in '{Path}': it comes from another vault or is damaged.");
                return false;
            }
            handle = row.GetString(1);
            if (row.IsDBNull(0))
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(2));
                error = new PiiVaultException(
                    $"The key of subject '{handle}' was erased on {at:yyyy-MM-dd HH:mm:ss}Z: this value can no longer be recovered.", handle);
                return false;
            }
            dataKey = Unwrap(keyId.ToArray(), (byte[])row[0], handle).DataKey;
            return true;
        }
    }

    private SubjectKey Unwrap(byte[] id, byte[] wrapped, string handle)
    {
        var dataKey = new byte[VaultCrypto.KeySize];
        if (wrapped.Length != VaultCrypto.KeySize + VaultCrypto.Overhead || !VaultCrypto.TryOpen(_wrapKey, wrapped, id, dataKey))
            throw new PiiVaultException($"The stored key of subject '{handle}' in '{Path}' does not authenticate: the file was altered.", handle);
        return new SubjectKey(id, dataKey, HMACSHA256.HashData(dataKey, "nonce"u8));
    }

    private void CheckMasterKey()
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT value FROM vault_meta WHERE name = 'check';";
        if (select.ExecuteScalar() is byte[] stored)
        {
            var plain = new byte[CheckPlaintext.Length];
            if (!VaultCrypto.TryOpen(_wrapKey, stored, "check"u8, plain) || !plain.AsSpan().SequenceEqual(CheckPlaintext))
                throw new PiiVaultException($"The master key does not open the key vault '{Path}': it was created with another key.");
            return;
        }
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT OR IGNORE INTO vault_meta (name, value) VALUES ('check', $v);";
        insert.Parameters.AddWithValue("$v", VaultCrypto.Seal(_wrapKey, CheckPlaintext, "check"u8));
        if (insert.ExecuteNonQuery() == 0)
            CheckMasterKey(); // another process created the file first: its check value must open with this key too

    }

    private static string PlaceholderType(string placeholder)
    {
        var span = placeholder.AsSpan().Trim("<>");
        var underscore = span.LastIndexOf('_');
        return (underscore > 0 ? span[..underscore] : span).ToString();
    }

    private readonly record struct SubjectKey(byte[] Id, byte[] DataKey, byte[] NonceKey);
}
