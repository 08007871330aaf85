namespace AuditDashboard.E2E;

/// <summary>Fails a test whose pages tried to reach a host outside this machine (see <see cref="LocalOnly"/>).</summary>
public abstract class LocalOnlyTest : IDisposable
{
    private readonly int _mark = LocalOnly.Mark;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        var attempts = LocalOnly.Since(_mark);
        if (attempts.Count > 0)
            throw new Xunit.Sdk.XunitException($"the browser tried to reach hosts outside this machine: {string.Join(", ", attempts.Distinct().Take(5))}");
    }
}
