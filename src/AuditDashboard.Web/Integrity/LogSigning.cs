using AuditDashboard.Core.Integrity;
using AuditDashboard.Core.Integrity.Log;
using AuditDashboard.Core.Integrity.Notes;
using Microsoft.Extensions.Options;

namespace AuditDashboard.Web.Integrity;

/// <summary>
/// The log's signing key and publication, loaded once. Outside Development a missing or unusable key stops the
/// app at start (see <see cref="IntegrityRegistration"/>); in Development one is made on first use, so the demo
/// signs its checkpoints with nothing to set up.
/// </summary>
public sealed class LogSigning(IOptions<IntegrityOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<LogSigning> logger)
{
    private readonly Lazy<CheckpointMaker> _maker = new(() => Create(options.Value, environment, clock, logger));

    public CheckpointMaker Maker => _maker.Value;

    public NoteVerifier Verifier => NoteVerifier.Parse(Maker.VerifierKey);

    /// <summary>The current key first, then the keys from before a rotation.</summary>
    public IReadOnlyList<NoteVerifier> Verifiers => [Verifier, .. options.Value.PreviousKeys()];

    private static CheckpointMaker Create(IntegrityOptions o, IHostEnvironment environment, TimeProvider clock, ILogger logger)
    {
        var path = o.ResolveKeyPath(environment.ContentRootPath);
        if (environment.IsDevelopment() && !File.Exists(path))
        {
            using var generated = NoteSigner.Generate(o.LogOrigin);
            SigningKeyFile.Create(path, generated);
            logger.LogWarning("Created a development log signing key at {Path}; its verifier key is {VerifierKey}", path, generated.VerifierKey);
        }
        var signer = SigningKeyFile.LoadLogKey(path, o.LogOrigin);
        var publish = o.ResolvePublishDirectory(environment.ContentRootPath);
        return new CheckpointMaker(signer, clock, publish is null ? null : new LogPublisher(publish), o.PreviousKeys());
    }

    /// <summary>Start-up problems with the key outside Development: missing, readable by others, malformed or named for another origin.</summary>
    public static IEnumerable<string> Problems(IntegrityOptions o, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || o.Validate().Any()) yield break;
        string? problem = null;
        try
        {
            SigningKeyFile.LoadLogKey(o.ResolveKeyPath(environment.ContentRootPath), o.LogOrigin).Dispose();
        }
        catch (InvalidOperationException ex)
        {
            problem = ex.Message;
        }
        if (problem is not null) yield return $"Integrity:SigningKeyPath: {problem}.";
    }
}
