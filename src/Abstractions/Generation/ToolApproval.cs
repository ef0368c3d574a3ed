namespace HybridAI.Abstractions.Generation;

/// <summary>
/// An <see cref="IToolApprover"/>'s answer: approved, or rejected with an optional reason the model is told. The
/// reason is the approver's own wording (e.g. <c>no reviewer decided within 5 min</c>); it must never quote the call's
/// arguments. A <see langword="bool"/> converts to it (true: approved, false: rejected without a reason).
/// </summary>
/// <example>
/// <code>
/// ToolApproval answer = amount &lt;= 100 ? ToolApproval.Approved : ToolApproval.Rejected("refunds above 100 need a manager");
/// </code>
/// </example>
public readonly record struct ToolApproval
{
    private ToolApproval(bool isApproved, string? reason)
    {
        IsApproved = isApproved;
        Reason = reason;
    }

    /// <summary>The call may run.</summary>
    public static ToolApproval Approved { get; } = new(true, null);

    /// <summary>Whether the call may run.</summary>
    public bool IsApproved { get; }

    /// <summary>Why it may not, for the model; null when approved or when no reason is given.</summary>
    public string? Reason { get; }

    /// <summary>The call may not run; <paramref name="reason"/> (optional) is told to the model.</summary>
    public static ToolApproval Rejected(string? reason = null) => new(false, string.IsNullOrWhiteSpace(reason) ? null : reason);

    /// <summary>True approves; false rejects without a reason.</summary>
    public static implicit operator ToolApproval(bool approved) => approved ? Approved : Rejected();

    /// <summary>The same as the implicit conversion from <see langword="bool"/>.</summary>
    public static ToolApproval FromBoolean(bool approved) => approved;
}
