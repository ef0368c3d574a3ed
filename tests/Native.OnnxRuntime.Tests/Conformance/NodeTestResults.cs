using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Conformance;

/// <summary>
/// Every node test of Debian's libonnx-testdata, run once per test process (sessions are created and disposed one
/// at a time on the shared ORT env) and shared by the per-test rows and the summary.
/// </summary>
internal static class NodeTestResults
{
    private static readonly Lazy<IReadOnlyDictionary<string, NodeTestOutcome>> Outcomes = new(RunAll);

    public static bool Available
    {
        get
        {
            if (!Directory.Exists(NodeTestCatalog.DebianRoot))
            {
                return false;
            }

            try
            {
                OnnxRuntimeLibrary.Locate();
                return true;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
        }
    }

    public static IReadOnlyDictionary<string, NodeTestOutcome> All => Outcomes.Value;

    private static Dictionary<string, NodeTestOutcome> RunAll()
    {
        var outcomes = new Dictionary<string, NodeTestOutcome>(StringComparer.Ordinal);
        foreach (var directory in NodeTestCatalog.FindTestDirectories(NodeTestCatalog.DebianRoot))
        {
            var test = NodeTestCase.Load(directory);
            outcomes[test.Name] = NodeTestRunner.Run(test);
        }

        return outcomes;
    }
}
