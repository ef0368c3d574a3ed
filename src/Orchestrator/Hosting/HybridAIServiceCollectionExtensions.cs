using HybridAI.Orchestrator;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the workflow engine in a service collection.</summary>
public static class HybridAIServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WorkflowRegistry"/>, <see cref="WorkflowRunner"/>, an <see cref="ICheckpointStore"/>
    /// (<see cref="SqliteCheckpointStore"/> at <see cref="HybridAIOptions.CheckpointPath"/> unless one is already registered)
    /// and <see cref="TimeProvider.System"/> (unless one is registered).
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddHybridAI(o =&gt; o.CheckpointPath = "data/checkpoints.db")
    ///         .AddWorkflow(sp =&gt; TicketTriage.Build(sp.GetRequiredService&lt;IClassifier&lt;string&gt;&gt;()));
    /// </code>
    /// </example>
    public static HybridAIBuilder AddHybridAI(this IServiceCollection services, Action<HybridAIOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<HybridAIOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICheckpointStore>(sp =>
            new SqliteCheckpointStore(sp.GetRequiredService<IOptions<HybridAIOptions>>().Value.CheckpointPath));
        services.TryAddSingleton(sp =>
        {
            var registry = new WorkflowRegistry();
            foreach (var registration in sp.GetServices<WorkflowRegistration>())
            {
                registration.Register(registry);
            }
            return registry;
        });
        services.TryAddSingleton(sp => new WorkflowRunner(
            new WorkflowRunnerOptions { MaxStepsPerRun = sp.GetRequiredService<IOptions<HybridAIOptions>>().Value.MaxStepsPerRun },
            sp.GetRequiredService<ICheckpointStore>(),
            sp.GetService<TimeProvider>(),
            sp,
            sp.GetService<ILoggerFactory>()));
        return new HybridAIBuilder(services);
    }
}
