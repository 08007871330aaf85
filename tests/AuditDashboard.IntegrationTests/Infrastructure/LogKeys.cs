using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Storage;

namespace AuditDashboard.IntegrationTests.Infrastructure;

/// <summary>A log signing key in a test's folder, made as <c>auditdash log key create</c> makes it.</summary>
public static class LogKeys
{
    public static string Origin => new IntegrityOptions().LogOrigin;

    /// <summary>The key file in <paramref name="folder"/> (created on first use); returns its path.</summary>
    public static string Ensure(string folder, string? origin = null)
    {
        var path = Path.Combine(folder, "log-signing.key");
        if (!File.Exists(path))
        {
            using var signer = NoteSigner.Generate(origin ?? Origin);
            SigningKeyFile.Create(path, signer);
        }
        return path;
    }

    /// <summary>Signs (and publishes to <paramref name="published"/>) a checkpoint of the store with the key in <paramref name="folder"/>.</summary>
    public static async Task<LogCheckpoint> CheckpointAsync(string folder, SimpleDbContextFactory store, string published)
    {
        using var signer = SigningKeyFile.Load(Ensure(folder));
        await using var db = store.CreateDbContext();
        return (await new CheckpointMaker(signer, TestClock.Default, new LogPublisher(published)).MakeAsync(db))!;
    }

    public static string VerifierKey(string folder)
    {
        using var signer = SigningKeyFile.Load(Ensure(folder));
        return signer.VerifierKey;
    }
}
