using HybridAI.Native.OnnxRuntime.Interop;

namespace HybridAI.Native.OnnxRuntime.Tests;

public sealed class CancellationTests
{
    [NativeFact]
    public void A_token_cancelled_before_the_run_stops_it_before_ORT_is_called()
    {
        using var session = OnnxSession.FromBytes(TestModels.WithMetadata());
        using var x = OnnxTensor.Create([1f, 2f, 3f], 1, 3);

        Assert.Throws<OperationCanceledException>(() => session.Run(new Dictionary<string, OnnxTensor> { ["X"] = x }, cancellationToken: new CancellationToken(canceled: true)));
    }

    [NativeFact]
    public void The_terminate_flag_makes_ORT_fail_the_run_and_clearing_it_lets_runs_through_again()
    {
        using var session = OnnxSession.FromBytes(TestModels.WithMetadata());
        using var x = OnnxTensor.Create([1f, 2f, 3f], 1, 3);
        var inputs = new Dictionary<string, OnnxTensor> { ["X"] = x };
        using var options = OrtRunOptionsHandle.Create();
        options.Terminate();

        var e = Assert.Throws<OnnxRuntimeException>(() => session.RunCore(inputs, null, options, CancellationToken.None));
        Assert.Contains("terminate", e.Message, StringComparison.OrdinalIgnoreCase);

        options.Unterminate();
        using var outputs = session.RunCore(inputs, null, options, CancellationToken.None);
        Assert.Equal([1f, 2f, 3f], outputs[0].ToArray<float>());
    }

    [NativeFact]
    public async Task Cancelling_a_long_running_loop_stops_it_with_OperationCanceled()
    {
        using var session = OnnxSession.FromBytes(TestModels.LongLoop());
        using var iterations = OnnxTensor.Scalar(long.MaxValue);
        using var x = OnnxTensor.Create([1f], 1);
        using var cancel = new CancellationTokenSource();
        var inputs = new Dictionary<string, OnnxTensor> { ["M"] = iterations, ["X"] = x };

        var run = Task.Run(() => session.Run(inputs, cancellationToken: cancel.Token));
        await cancel.CancelAsync();

        // Whether the cancel lands before or during the run, the caller sees a cancellation; without the terminate flag
        // this loop would not end (the wait below only guards the test runner against that hang).
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.Same(run, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
