namespace HybridAI.Governance.Audit;

/// <summary>A stored audit event with its position in the chain.</summary>
/// <param name="Id">The record's number: 1 for the first record of the log, then consecutive.</param>
/// <param name="Event">The event.</param>
public sealed record AuditRecord(long Id, AuditEvent Event);
