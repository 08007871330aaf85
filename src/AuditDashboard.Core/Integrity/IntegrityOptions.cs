using AuditDashboard.Core.Integrity.Notes;

namespace AuditDashboard.Core.Integrity;

/// <summary>Configuration section <c>Integrity</c>: verification, the signed log's checkpoints and where they are published.</summary>
public sealed class IntegrityOptions
{
    public const string Section = "Integrity";

    /// <summary>Minutes between verifications of the whole chain (also done at start); from 1 to 10080 (a week).</summary>
    public int VerifyIntervalMinutes { get; set; } = 60;

    /// <summary>The log's identity, the first line of every checkpoint and the signing key's name (e.g. audit.acme.example/oidc).</summary>
    public string LogOrigin { get; set; } = "auditdashboard.localhost/log";

    /// <summary>The Ed25519 signing key (owner-only file, outside the database); relative paths are under the content root.</summary>
    public string SigningKeyPath { get; set; } = "data/log-signing.key";

    /// <summary>Minutes between checkpoints while the tree grows; from 1 to 1440.</summary>
    public int CheckpointIntervalMinutes { get; set; } = 5;

    /// <summary>Where the log is published as write-once static files (tlog-tiles layout); none when empty.</summary>
    public string? PublishDirectory { get; set; }

    /// <summary>Serve the checkpoint and tiles at /log/ without signing in (they hold hashes only).</summary>
    public bool PublicLog { get; set; }

    /// <summary>Verifier keys this log signed with before its key was rotated (docs/integrity.md): their checkpoints stay trusted.</summary>
    public string[] PreviousVerifierKeys { get; set; } = [];

    public IEnumerable<string> Validate()
    {
        foreach (var key in PreviousVerifierKeys)
        {
            string? wrong = null;
            try
            {
                if (NoteVerifier.Parse(key).Name != LogOrigin) wrong = $"is not a key of {LogOrigin}";
            }
            catch (FormatException ex)
            {
                wrong = ex.Message;
            }
            if (wrong is not null) yield return $"Integrity:PreviousVerifierKeys: {key.Split('+')[0]}: {wrong}.";
        }
        if (VerifyIntervalMinutes is < 1 or > 10080) yield return "Integrity:VerifyIntervalMinutes must be from 1 to 10080.";
        if (CheckpointIntervalMinutes is < 1 or > 1440) yield return "Integrity:CheckpointIntervalMinutes must be from 1 to 1440.";
        if (NoteKeys.NameProblem(LogOrigin ?? "") is { } problem) yield return $"Integrity:LogOrigin: {problem}.";
        if (string.IsNullOrWhiteSpace(SigningKeyPath)) yield return "Integrity:SigningKeyPath must name the log's signing key file.";
    }

    public IReadOnlyList<NoteVerifier> PreviousKeys() => PreviousVerifierKeys.Select(NoteVerifier.Parse).ToList();

    public string ResolveKeyPath(string contentRoot) => Path.GetFullPath(SigningKeyPath, contentRoot);

    public string? ResolvePublishDirectory(string contentRoot) =>
        string.IsNullOrWhiteSpace(PublishDirectory) ? null : Path.GetFullPath(PublishDirectory, contentRoot);
}
