using AuditDashboard.Core.Detection;
using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using AuditDashboard.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AuditDashboard.Cli.Commands;

/// <summary>The signed log as the web app configures it (section Integrity), for the commands that sign or publish.</summary>
internal static class SignedLog
{
    public static IntegrityOptions Options(out string contentRoot)
    {
        var (configuration, root) = CliConfiguration.Load();
        contentRoot = root;
        return CliConfiguration.Section<IntegrityOptions>(configuration, IntegrityOptions.Section, o => o.Validate());
    }

    /// <summary>A checkpoint maker with the configured key and publication directory; a usage error when the key is not usable.</summary>
    public static CheckpointMaker Maker()
    {
        var options = Options(out var contentRoot);
        NoteSigner signer;
        try
        {
            signer = SigningKeyFile.LoadLogKey(options.ResolveKeyPath(contentRoot), options.LogOrigin);
        }
        catch (InvalidOperationException ex)
        {
            throw new UsageException(ex.Message);
        }
        var publish = options.ResolvePublishDirectory(contentRoot);
        return new CheckpointMaker(signer, TimeProvider.System, publish is null ? null : new LogPublisher(publish), options.PreviousKeys());
    }

    /// <summary>The maker when the configured key exists; else a warning that the result carries no signed checkpoint.</summary>
    public static CheckpointMaker? MakerIfKeyExists()
    {
        var options = Options(out var contentRoot);
        if (File.Exists(options.ResolveKeyPath(contentRoot))) return Maker();
        Console.Error.WriteLine($"warning: no log signing key at {options.ResolveKeyPath(contentRoot)}: the report carries no signed checkpoint (create one with 'auditdash log key create')");
        return null;
    }

    /// <summary>Makes a checkpoint; a refusal (the store no longer extends what was signed) raises integrity_break and returns null.</summary>
    public static async Task<LogCheckpoint?> CheckpointAsync(IDbContextFactory<AuditDbContext> factory, CheckpointMaker maker, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        try
        {
            return await maker.MakeAsync(db, cancellationToken);
        }
        catch (LogConsistencyException ex)
        {
            var result = ex.ToResult();
            Console.WriteLine($"REFUSED ({result.Kind.ToString().ToLowerInvariant()}): {ex.Message}.");
            await new DetectionRunner(factory, new DetectionOptions(), TimeProvider.System).RecordVerificationAsync(result, cancellationToken);
            Console.WriteLine($"Raised a critical {IntegrityBreak.Name} alert.");
            return null;
        }
    }
}
