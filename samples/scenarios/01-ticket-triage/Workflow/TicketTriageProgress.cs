namespace HybridAI.Scenarios.TicketTriage;

/// <summary>How far a scenario 01 batch has got.</summary>
/// <param name="Total">Tickets in the batch.</param>
/// <param name="Completed">Runs that finished with an automatic reply.</param>
/// <param name="ToReview">Runs waiting at the review gate.</param>
/// <param name="Failed">Runs that failed.</param>
public readonly record struct TicketTriageProgress(int Total, int Completed, int ToReview, int Failed)
{
    /// <summary>Runs that are over, whatever their outcome.</summary>
    public int Done => Completed + ToReview + Failed;
}
