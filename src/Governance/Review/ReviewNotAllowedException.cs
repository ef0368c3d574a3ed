namespace HybridAI.Governance.Review;

/// <summary>A reviewer whose role the gate does not allow tried to decide it; nothing was recorded.</summary>
public sealed class ReviewNotAllowedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReviewNotAllowedException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ReviewNotAllowedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ReviewNotAllowedException(string message, Exception innerException) : base(message, innerException) { }

    internal ReviewNotAllowedException(ReviewItem item, string? role)
        : base(Describe(item, role))
    {
        Gate = item.Step;
        Role = role;
    }

    /// <summary>The gate (step) that was to be decided.</summary>
    public string? Gate { get; }

    /// <summary>The role that was refused; null when the reviewer gave none.</summary>
    public string? Role { get; }

    private static string Describe(ReviewItem item, string? role)
    {
        var allowed = string.Join(", ", item.AllowedRoles);
        if (item.EscalationRole is { } escalation)
            allowed += item.EscalatedAt is null ? $" ({escalation} after escalation)" : $", {escalation}";
        var who = role is null ? "A reviewer without a role" : $"Role '{role}'";
        return $"{who} may not decide gate '{item.Step}' of workflow '{item.Workflow}' (run {item.RunId}); allowed: {allowed}.";
    }
}
