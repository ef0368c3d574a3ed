namespace HybridAI.Governance.Review;

/// <summary>What one <see cref="ReviewQueue.ProcessTimeoutsAsync"/> pass did.</summary>
/// <param name="Escalated">Reviews that passed their escalation deadline.</param>
/// <param name="Rejected">Reviews closed as rejected at their final deadline.</param>
public readonly record struct ReviewTimeouts(IReadOnlyList<ReviewItem> Escalated, IReadOnlyList<ReviewItem> Rejected);
