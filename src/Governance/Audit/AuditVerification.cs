namespace HybridAI.Governance.Audit;

/// <summary>The result of checking an audit file's hash chain.</summary>
/// <param name="IsValid">True when every row and the chain head match.</param>
/// <param name="RowCount">How many rows were read.</param>
/// <param name="FirstBadRowId">The first row that does not match (edited, or right after deleted rows); null when valid.</param>
/// <param name="Problem">What is wrong, in words; null when valid.</param>
public sealed record AuditVerification(bool IsValid, long RowCount, long? FirstBadRowId, string? Problem);
