namespace HybridAI.Governance.Review;

/// <summary>The review was decided already (by another reviewer, another machine, or its deadline); the earlier decision stands.</summary>
public sealed class ReviewAlreadyDecidedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ReviewAlreadyDecidedException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ReviewAlreadyDecidedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ReviewAlreadyDecidedException(string message, Exception innerException) : base(message, innerException) { }

    internal ReviewAlreadyDecidedException(ReviewItem item)
        : base($"The review for run '{item.RunId}' was already decided ({item.Status}).") => Status = item.Status;

    /// <summary>How it was decided.</summary>
    public ReviewStatus Status { get; }
}
