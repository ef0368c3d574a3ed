
namespace HybridAI.Orchestrator;

/// <summary>Entry point for building workflows in code.</summary>
/// <example>
/// <code>
/// var triage = Workflow.Create&lt;Ticket&gt;("ticket-triage", "1.0")
///     .Classify("classify", classifier, t =&gt; t.Text, (t, c) =&gt; t.Category = c.Label)
///     .Branch("route", t =&gt; t.Category == "spam" ? Workflow.End : "draft", "draft")
///     .Transform("draft", t =&gt; t.Reply = "Thanks, we are on it.")
///     .Build();
/// var result = await new WorkflowRunner().RunAsync(triage, new Ticket { Text = "I was charged twice" });
/// </code>
/// </example>
public static class Workflow
{
    /// <summary>What a branch returns to end the run instead of jumping to a step.</summary>
    public const string End = "$end";

    /// <summary>Starts building a workflow whose state is <typeparamref name="TState"/>.</summary>
    /// <param name="name">The workflow's name (registry key, telemetry tag, checkpoint check).</param>
    /// <param name="version">The workflow's version; a suspended run only resumes on the same version.</param>
    public static WorkflowBuilder<TState> Create<TState>(string name, string version)
        where TState : class, new()
        => new(name, version);
}
