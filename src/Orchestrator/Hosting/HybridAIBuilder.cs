using Microsoft.Extensions.DependencyInjection;

namespace HybridAI.Orchestrator;

/// <summary>Adds workflows to the registry that <c>AddHybridAI</c> registered.</summary>
public sealed class HybridAIBuilder
{
    internal HybridAIBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers a built workflow.</summary>
    public HybridAIBuilder AddWorkflow<TState>(Workflow<TState> workflow)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(workflow);
        Services.AddSingleton(new WorkflowRegistration(registry => registry.Add(workflow)));
        return this;
    }

    /// <summary>Registers a workflow built from services (classifiers, indexes, chat clients) when the registry is first resolved.</summary>
    public HybridAIBuilder AddWorkflow<TState>(Func<IServiceProvider, Workflow<TState>> factory)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddSingleton(sp => new WorkflowRegistration(registry => registry.Add(factory(sp))));
        return this;
    }
}

/// <summary>One workflow waiting to be added to the registry when it is created.</summary>
internal sealed class WorkflowRegistration(Action<WorkflowRegistry> register)
{
    public void Register(WorkflowRegistry registry) => register(registry);
}
