using HybridAI.Governance.Audit;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Review;

/// <summary>
/// <see cref="ReviewQueue.Checkpoints"/>: a checkpoint and its pending review are one write, so a suspended run cannot
/// be missing from the queue (nor a review exist without its checkpoint).
/// </summary>
internal sealed class ReviewCheckpointStore(ReviewQueue queue, ReviewDatabase db) : ICheckpointStore
{
    public async ValueTask SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var review = checkpoint.Review;
        var item = new ReviewItem
        {
            RunId = checkpoint.RunId,
            Workflow = checkpoint.WorkflowName,
            WorkflowVersion = checkpoint.WorkflowVersion,
            Step = checkpoint.StepName,
            Reason = queue.Mask(checkpoint.Reason) is { Length: > 0 } reason ? reason : $"gate '{checkpoint.StepName}' asked for review",
            Summary = queue.Mask(review?.Summary),
            CreatedAt = checkpoint.CreatedAt,
            AllowedRoles = review?.AllowedRoles ?? [],
            EscalationRole = review?.EscalationRole,
            EscalateAt = review?.EscalateAfter is { } e ? checkpoint.CreatedAt + e : null,
            RejectAt = review?.RejectAfter is { } r ? checkpoint.CreatedAt + r : null,
            EditableFields = review?.EditableFields ?? [],
        };
        if (await db.SaveCheckpointWithReviewAsync(checkpoint, item, cancellationToken).ConfigureAwait(false))
            await queue.AuditAsync(item, AuditEventType.ReviewRequested, ReviewQueue.Requested(item)).ConfigureAwait(false);
    }

    public async ValueTask<Checkpoint?> LoadAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return await db.LoadCheckpointAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> DeleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var (deleted, withdrawn) = await db.DeleteCheckpointAsync(runId, queue.Time.GetUtcNow(), withReview: true, cancellationToken).ConfigureAwait(false);
        if (withdrawn is not null)
        {
            await queue.AuditAsync(withdrawn, AuditEventType.ReviewerAction, "withdrawn: the run was resumed without a decision from the queue").ConfigureAwait(false);
            queue.Wake();
        }
        return deleted;
    }

    public async ValueTask<IReadOnlyList<Checkpoint>> ListAsync(string? workflowName = null, CancellationToken cancellationToken = default) =>
        await db.ListCheckpointsAsync(workflowName, cancellationToken).ConfigureAwait(false);
}
