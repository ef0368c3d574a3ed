using System.Text;
using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Tests.Anonymization;

/// <summary>Right to erasure against a real hash-chained audit trail: the audit held only tokens, so erasing the key leaves it verifiable.</summary>
public class ErasureAuditTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed class Ticket
    {
        public string CustomerId { get; set; } = "";
        public string Body { get; set; } = "";
    }

    [Fact]
    public async Task After_erasure_the_audit_chain_verifies_and_its_tokens_stay_unreadable()
    {
        var master = PiiKeyVault.CreateMasterKey();
        using var keys = new PiiKeyVault(_dir.File("keys.db"), master);
        var anonymizer = new Anonymizer(PiiDetector.CreateDefault(), new AnonymizerOptions { Default = PiiOperator.Encrypt() }, keys);
        var options = new PiiMaskingMiddleware.Options { Subject = run => ((Ticket)run.State).CustomerId };
        options.Properties.Add("Body");
        var masking = new PiiMaskingMiddleware(anonymizer, options);
        var auditFile = _dir.File("audit.db");
        const string email = "jean.dupont@example.fr";

        await using (var audit = new SqliteAuditLog(auditFile))
        {
            var auditing = new AuditMiddleware(audit);
            foreach (var (customer, body) in new[] { ("customer-42", $"Please write to {email} today"), ("customer-7", "Call me on 06 12 34 56 78") })
            {
                var run = new TestRunContext(new Ticket { CustomerId = customer, Body = body }, runId: "run-" + customer);
                await masking.InvokeAsync(run, ctx => auditing.InvokeAsync(new TestStepContext(ctx, "draft", StepKind.Generate, 0), step =>
                {
                    step.Outcome = "drafted for " + ((Ticket)ctx.State).Body;
                    return ValueTask.CompletedTask;
                }));
            }
            await audit.FlushAsync();
        }
        Assert.True((await SqliteAuditLog.VerifyAsync(auditFile)).IsValid);
        var outcome = (await ReadOutcomesAsync(auditFile, "run-customer-42")).Single();
        Assert.StartsWith("drafted for Please write to <ENC:EMAIL:", outcome, StringComparison.Ordinal);
        Assert.Contains(email, anonymizer.Reidentify(outcome, new PiiVault()), StringComparison.Ordinal);

        Assert.True(await keys.EraseSubjectAsync("customer-42"));

        var check = await SqliteAuditLog.VerifyAsync(auditFile);
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal(2, check.RowCount);
        var token = outcome[outcome.IndexOf("<ENC:", StringComparison.Ordinal)..(outcome.IndexOf('>') + 1)];
        var error = Assert.Throws<PiiVaultException>(() => keys.Decrypt(token));
        Assert.Equal(keys.HandleOf("customer-42"), error.SubjectHandle);
        Assert.DoesNotContain(email, anonymizer.Reidentify(outcome, new PiiVault()), StringComparison.Ordinal);
        // The other customer's data is untouched.
        var other = (await ReadOutcomesAsync(auditFile, "run-customer-7")).Single();
        Assert.Contains("06 12 34 56 78", anonymizer.Reidentify(other, new PiiVault()), StringComparison.Ordinal);
        // The audit file never held a clear value.
        var bytes = Encoding.UTF8.GetString(File.ReadAllBytes(auditFile));
        Assert.DoesNotContain("dupont", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12 34", bytes, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReadOutcomesAsync(string file, string runId)
    {
        await using var reader = new SqliteAuditLog(file);
        return [.. (await reader.ReadAsync(runId)).Select(e => e.Outcome!)];
    }
}
