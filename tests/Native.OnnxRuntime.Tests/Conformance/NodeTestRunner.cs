using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Conformance;

/// <summary>Runs ONNX node tests through the binding: one session per test, every stored data set, every output compared.</summary>
internal static class NodeTestRunner
{
    // One intra-op thread: the models are tiny, and a thread pool per session would cost more than the work.
    private static readonly OnnxSessionOptions Options = new() { IntraOpThreads = 1, InterOpThreads = 1 };

    public static NodeTestOutcome Run(NodeTestCase test)
    {
        OnnxSession session;
        try
        {
            session = OnnxSession.FromFile(Path.Combine(test.Directory, "model.onnx"), Options);
        }
        catch (OnnxRuntimeException e)
        {
            return new NodeTestOutcome(test.Name, NodeTestStatus.RejectedBySession, e.Message);
        }

        using (session)
        {
            for (var d = 0; d < test.DataSets.Count; d++)
            {
                string? problem;
                try
                {
                    problem = RunDataSet(session, test, test.DataSets[d]);
                }
                catch (Exception e) when (e is OnnxRuntimeException or NotSupportedException or ArgumentException or InvalidOperationException)
                {
                    problem = $"{e.GetType().Name}: {e.Message}";
                }

                if (problem is not null)
                {
                    return new NodeTestOutcome(test.Name, NodeTestStatus.Failed, $"data set {d}: {problem}");
                }
            }
        }

        return new NodeTestOutcome(test.Name, NodeTestStatus.Passed, "");
    }

    private static string? RunDataSet(OnnxSession session, NodeTestCase test, NodeTestDataSet data)
    {
        if (data.Inputs.Count != test.Inputs.Count || data.Outputs.Count != test.Outputs.Count)
        {
            return $"the data set has {data.Inputs.Count} inputs and {data.Outputs.Count} outputs; the model declares {test.Inputs.Count} and {test.Outputs.Count}";
        }

        var inputs = new Dictionary<string, OnnxValue>(data.Inputs.Count, StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < data.Inputs.Count; i++)
            {
                if (NodeTestInputs.ToOrt(data.Inputs[i], test.Inputs[i].Type) is { } value)
                {
                    inputs[test.Inputs[i].Name!] = value;
                }
            }

            var names = test.Outputs.Select(o => o.Name!).ToArray();
            using var outputs = session.Run(inputs, names);
            for (var o = 0; o < names.Length; o++)
            {
                if (NodeTestComparer.Mismatch(data.Outputs[o], outputs[o], test.Outputs[o].Type) is { } problem)
                {
                    return $"output '{names[o]}': {problem}";
                }
            }

            return null;
        }
        finally
        {
            foreach (var value in inputs.Values)
            {
                value.Dispose();
            }
        }
    }
}
