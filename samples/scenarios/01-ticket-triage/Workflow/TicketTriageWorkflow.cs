using HybridAI.Abstractions.Retrieval;
using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Resilience;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Orchestrator;
using Microsoft.Extensions.AI;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>
/// Scenario 01 as a workflow: mask PII → classify category → classify priority → retrieve KB
/// articles (hybrid search by default, see <see cref="TicketTriageOptions.Retrieval"/>) → draft a cited reply → decide the route → human review gate for urgent,
/// low-confidence or ungrounded tickets. Every step is audited, and so is a draft that fell back from an LLM to the no-model writer.
/// </summary>
public static class TicketTriageWorkflow
{
    /// <summary>The registered workflow name.</summary>
    public const string Name = "ticket-triage";

    /// <summary>The workflow version; checkpoints taken by another version are refused on resume.</summary>
    public const string Version = "1.0";

    /// <summary>Builds the workflow over ready components.</summary>
    public static Workflow<TicketState> Build(TicketTriageComponents components, TicketTriageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        var o = options ?? new TicketTriageOptions();
        if (o.Retrieval != SearchMode.Keyword && components.Retrieval == SearchMode.Keyword)
        {
            throw new ArgumentException(
                $"{o.Retrieval} retrieval needs a knowledge base with an embedder, and these components were created for keyword search: pass the same TicketTriageOptions to TicketTriageComponents.CreateAsync.",
                nameof(options));
        }

        var fallbackWriter = components.FallbackWriter;

        return Workflow.Create<TicketState>(Name, Version)
            .UseRun(new PiiMaskingMiddleware(new PiiMasker(components.PiiDetector)))
            .Use(new AuditMiddleware(components.Audit, components.PiiDetector))
            .Classify("classify-category", components.CategoryClassifier, static s => s.Text, static (s, c) =>
            {
                s.Category = c.Label;
                s.CategoryConfidence = c.Confidence;
            })
            .Classify("classify-priority", components.PriorityClassifier, static s => s.Text, static (s, c) =>
            {
                s.Priority = c.Label;
                s.PriorityConfidence = c.Confidence;
            })
            .Retrieve("retrieve-kb", components.KnowledgeBase, static s => s.Text, static (s, hits) => s.Evidence = [.. hits],
                new RetrieveOptions<TicketState> { Mode = o.Retrieval, Top = o.EvidenceCount })
            // A failed or slow LLM never leaves a ticket without a draft: transient failures are retried, then the
            // no-model writer takes over and the audit log says why. A refused key fails the tickets instead (see GenerationResilience).
            .Generate("draft-reply", components.Writer, PromptFor, ApplyDraft, new GenerationResilience
            {
                Timeout = o.DraftTimeout,
                MaxAttempts = fallbackWriter is null ? 1 : o.DraftAttempts,
                RetryDelay = o.DraftRetryDelay,
                Fallback = fallbackWriter,
            }, options: fallbackWriter is null ? null : o.DraftOptions, configure: step =>
            {
                if (fallbackWriter is not null)
                {
                    // An LLM that keeps failing is not called for every ticket of a batch: after 5 calls in 30 s with half
                    // of them failed, tickets go straight to the no-model writer for 15 s.
                    step.WithCircuitBreaker(0.5, 5, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));
                }
            })
            .Transform("decide-route", s =>
            {
                s.ReviewReason = ReviewReason(s, o);
                s.Route = s.ReviewReason is null ? "auto-reply" : "review";
            })
            .Gate("human-review", GateConditions.From<TicketState>(static s => s.ReviewReason),
                static (s, decision) => s.Route = decision.Approved ? "approved" : "rejected",
                static gate => gate.AllowEdits(nameof(TicketState.Reply)).ShowSummary(Summary))
            .Build();
    }

    /// <summary>What a reviewer sees in the queue (the queue masks personal data in it).</summary>
    internal static string Summary(TicketState s) =>
        $"{s.Id}: category={s.Category} ({s.CategoryConfidence:F2}), priority={s.Priority}, grounded={s.Grounded}";

    private static List<ChatMessage> PromptFor(TicketState s) =>
        [.. EvidencePrompt.Build(s.Text, s.Evidence.Select(EvidencePassage.FromHit))];

    private static void ApplyDraft(TicketState s, ChatResponse response)
    {
        s.Reply = response.Text;
        // The no-model writer says whether each sentence is cited; an LLM's reply is checked by a person.
        s.Grounded = response.AdditionalProperties?.TryGetValue(GroundedChatClient.DraftProperty, out var d) == true
            && d is GroundedDraft { Grounded: true };
    }

    private static string? ReviewReason(TicketState s, TicketTriageOptions o)
    {
        if (s.Priority is not null && o.ReviewPriorities.Contains(s.Priority))
        {
            return "priority=" + s.Priority;
        }

        if (s.CategoryConfidence < o.MinCategoryConfidence)
        {
            return "low-confidence category";
        }

        return s.Grounded ? null : "reply not grounded in the knowledge base";
    }
}
