namespace HybridAI.Governance.Review;

/// <summary>Who decides a review: an account id (kept in the audit trail) and the role that gates check.</summary>
/// <example>
/// <code>
/// var lead = new Reviewer("u-1042", "support-lead");
/// await queue.DecideAsync(runId, lead, approved: true);
/// </code>
/// </example>
public sealed record Reviewer
{
    /// <summary>Creates a reviewer; both parts are required.</summary>
    public Reviewer(string id, string role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        Id = id;
        Role = role;
    }

    /// <summary>The reviewer's account id (not a name or e-mail address).</summary>
    public string Id { get; }

    /// <summary>The reviewer's role, e.g. <c>support-lead</c>.</summary>
    public string Role { get; }
}
