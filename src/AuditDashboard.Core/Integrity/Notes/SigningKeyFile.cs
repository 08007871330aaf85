namespace AuditDashboard.Core.Integrity.Notes;

/// <summary>
/// The log's private key on disk: created owner-only (0600), refused when others may read it, never logged. Error
/// messages name the file, never its content.
/// </summary>
public static class SigningKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Writes a new key; refuses to replace an existing file (a lost key would orphan every checkpoint it signed).</summary>
    public static void Create(string path, NoteSigner signer)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(signer.PrivateKeyText() + "\n");
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new InvalidOperationException($"{path} already exists: a signing key is never overwritten (move it away first to rotate, see docs/integrity.md)");
        }
    }

    /// <summary>The log's key: named as its origin. Throws <see cref="InvalidOperationException"/> naming the file and the problem.</summary>
    public static NoteSigner LoadLogKey(string path, string origin)
    {
        var signer = Load(path);
        if (signer.Type == NoteKeys.Ed25519 && signer.Name == origin) return signer;
        var name = signer.Name;
        signer.Dispose();
        throw new InvalidOperationException($"the log signing key {path} is named {name} (or is a cosigner key), but Integrity:LogOrigin is {origin}: checkpoints are signed under their origin");
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the file and the problem.</summary>
    public static NoteSigner Load(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"no signing key at {path} (the log's is Integrity:SigningKeyPath); create one with 'auditdash log key create'");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & Others) != 0)
            throw new InvalidOperationException($"the signing key {path} may be read by other users; run 'chmod 600 {path}'");
        try
        {
            return NoteSigner.Parse(File.ReadAllText(path));
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"the signing key {path} is not usable: {ex.Message}");
        }
    }
}
