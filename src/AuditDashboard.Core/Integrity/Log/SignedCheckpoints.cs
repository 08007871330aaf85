using AuditDashboard.Core.Integrity.Notes;

namespace AuditDashboard.Core.Integrity.Log;

/// <summary>Checkpoints read from outside the database (files, a published directory), trusted only once their signature verifies.</summary>
public static class SignedCheckpoints
{
    /// <summary>Throws <see cref="FormatException"/> naming <paramref name="source"/> when the note is malformed, from another log or not signed by <paramref name="key"/>.</summary>
    public static Checkpoint Open(string note, NoteVerifier key, string source) => Open(note, [key], source);

    /// <summary>As <see cref="Open(string, NoteVerifier, string)"/>, signed by any of <paramref name="keys"/> (the current key and those before a rotation).</summary>
    public static Checkpoint Open(string note, IReadOnlyList<NoteVerifier> keys, string source)
    {
        var key = keys[0];
        SignedNote signed;
        Checkpoint checkpoint;
        try
        {
            signed = SignedNote.Parse(note);
            checkpoint = Checkpoint.Parse(signed.Text);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{source} is not a checkpoint: {ex.Message}");
        }
        if (keys.All(k => checkpoint.Origin != k.Name))
            throw new FormatException($"{source} is a checkpoint of {checkpoint.Origin}, not of {key.Name}");
        if (!keys.Any(signed.IsSignedBy))
            throw new FormatException($"{source} is not signed by {string.Join(" or ", keys.Select(k => k.Text))}: it cannot be trusted");
        return checkpoint;
    }

    /// <summary>A published log's checkpoints: <c>checkpoint</c> and every <c>checkpoints/SIZE</c>.</summary>
    public static IEnumerable<(string Source, string Note)> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new FormatException($"{directory} is not a directory");
        var latest = Path.Combine(directory, TilePaths.Checkpoint);
        if (File.Exists(latest)) yield return (latest, ReadBounded(latest));
        var folder = Path.Combine(directory, TilePaths.CheckpointsFolder);
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            yield return (file, ReadBounded(file));
    }

    public static string ReadBounded(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FormatException($"{path} does not exist");
        if (info.Length > SignedNote.MaxBytes) throw new FormatException($"{path} is larger than a signed note may be ({SignedNote.MaxBytes} bytes)");
        return File.ReadAllText(path);
    }

    /// <summary>A verifier key given as its text or as a file holding it.</summary>
    public static NoteVerifier Key(string textOrPath, string what = "--key")
    {
        var text = File.Exists(textOrPath) ? ReadBounded(textOrPath) : textOrPath;
        try
        {
            return NoteVerifier.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{what}: {ex.Message}");
        }
    }
}
