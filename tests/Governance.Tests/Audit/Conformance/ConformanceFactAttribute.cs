using Xunit.Abstractions;
using Xunit.Sdk;

namespace HybridAI.Governance.Tests.Audit.Conformance;

/// <summary>
/// A fact of a conformance suite: declared once in the abstract suite, run for each backend subclass. A subclass
/// whose server is not configured declares <c>public static string? SkipReason</c>; a non-null reason skips its
/// tests (the subclass decides, e.g. never under CI=true).
/// </summary>
[XunitTestCaseDiscoverer("HybridAI.Governance.Tests.Audit.Conformance.ConformanceFactDiscoverer", "HybridAI.Governance.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute;

public sealed class ConformanceFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new ConformanceTestCase(diagnostics, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class ConformanceTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer", error: true)]
    public ConformanceTestCase()
    {
    }

    public ConformanceTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(diagnostics, display, options, method)
    {
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute)
    {
        var type = TestMethod.TestClass.Class.ToRuntimeType();
        var property = type.GetProperty("SkipReason", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static);
        return property?.GetValue(null) as string ?? base.GetSkipReason(factAttribute);
    }
}
