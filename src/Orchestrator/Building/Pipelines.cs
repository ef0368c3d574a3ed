using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator;

/// <summary>Composes middleware once per workflow, so a run only calls through ready-made delegates.</summary>
internal static class Pipelines
{
    public static StepDelegate ComposeSteps<TState>(IStepMiddleware[] middleware)
        where TState : class, new()
    {
        StepDelegate next = static context => Unsafe(context).Current.InvokeAsync(Unsafe(context));
        for (var i = middleware.Length - 1; i >= 0; i--)
        {
            var outer = middleware[i];
            var inner = next;
            next = context => outer.InvokeAsync(context, inner);
        }
        return next;

        static StepScope<TState> Unsafe(StepContext c) => System.Runtime.CompilerServices.Unsafe.As<StepScope<TState>>(c);
    }

    public static RunDelegate ComposeRun<TState>(IRunMiddleware[] middleware)
        where TState : class, new()
    {
        RunDelegate next = static context =>
        {
            var run = System.Runtime.CompilerServices.Unsafe.As<RunScope<TState>>(context);
            return run.Runner.ExecuteStepsAsync(run);
        };
        for (var i = middleware.Length - 1; i >= 0; i--)
        {
            var outer = middleware[i];
            var inner = next;
            next = context => outer.InvokeAsync(context, inner);
        }
        return next;
    }
}
