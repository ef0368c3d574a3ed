namespace HybridAI.Governance.Audit;

/// <summary>Walks a log's records in order and stops at the first that breaks the chain (the same rules for every backend).</summary>
internal sealed class AuditChainCheck
{
    private readonly AuditRowHasher _hasher = new();
    private readonly byte[] _previous = new byte[AuditRowHasher.HashSize];
    private readonly byte[] _computed = new byte[AuditRowHasher.HashSize];

    public long Count { get; private set; }

    public long LastId { get; private set; }

    /// <summary>The hash of the last good record (all zeros before the first).</summary>
    public ReadOnlySpan<byte> LastHash => _previous;

    /// <summary>Checks the next record; returns the failure, or null when it chains on.</summary>
    /// <param name="row">The record as stored.</param>
    /// <param name="storedHash">The hash stored with it.</param>
    /// <param name="where">Extra position text (e.g. <c> (line 12)</c>) for the problem message.</param>
    public AuditVerification? Next(in AuditRow row, ReadOnlySpan<byte> storedHash, string where = "")
    {
        Count++;
        if (row.Id != LastId + 1)
        {
            // A gap names the first record after it; an id seen again names the position it took.
            return row.Id > LastId + 1
                ? new AuditVerification(false, Count, row.Id, $"Records {LastId + 1}..{row.Id - 1} are missing before record {row.Id}{where}.")
                : new AuditVerification(false, Count, LastId + 1,
                    $"A record numbered {row.Id}{where} stands where record {LastId + 1} belongs: records were inserted, duplicated or reordered.");
        }
        _hasher.Compute(_previous, row, _computed);
        if (!_computed.AsSpan().SequenceEqual(storedHash))
            return new AuditVerification(false, Count, row.Id, $"Record {row.Id}{where} does not match its hash: it was edited, or the chain before it was.");
        _computed.CopyTo(_previous, 0);
        LastId = row.Id;
        return null;
    }

    /// <summary>A record that could not be read at all (e.g. a line that is not JSON).</summary>
    public AuditVerification Unreadable(string problem) => new(false, ++Count, LastId + 1, problem);

    /// <summary>Compares the end of the walk with the stored chain head.</summary>
    public AuditVerification Finish(long headId, ReadOnlySpan<byte> headHash)
    {
        if (headId != LastId || !headHash.SequenceEqual(_previous))
        {
            return new AuditVerification(false, Count, Math.Min(headId, LastId) + 1,
                $"The chain head says {headId} records but the log ends at record {LastId}: records were removed or added at the end, or the head was altered.");
        }
        return new AuditVerification(true, Count, null, null);
    }
}
