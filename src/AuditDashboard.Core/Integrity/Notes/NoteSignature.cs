namespace AuditDashboard.Core.Integrity.Notes;

/// <summary>One signature line of a signed note: <c>— name base64(key ID ‖ signature)</c>.</summary>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature)
{
    /// <summary>One line without its newline; throws <see cref="FormatException"/> naming the problem.</summary>
    public static NoteSignature Parse(string line)
    {
        if (!line.StartsWith("— ", StringComparison.Ordinal)) throw new FormatException("a signature line starts with an em dash and a space");
        var parts = line[2..].Split(' ');
        if (parts.Length != 2 || NoteKeys.NameProblem(parts[0]) is not null) throw new FormatException("a signature line is '— NAME BASE64'");
        byte[] blob;
        try { blob = Convert.FromBase64String(parts[1]); }
        catch (FormatException) { throw new FormatException($"the signature by {parts[0]} is not base64"); }
        if (blob.Length < 5) throw new FormatException($"the signature by {parts[0]} is too short");
        return new NoteSignature(parts[0], System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]);
    }

    public string Line()
    {
        var blob = new byte[4 + Signature.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob, KeyId);
        Signature.CopyTo(blob, 4);
        return $"— {Name} {Convert.ToBase64String(blob)}\n";
    }
}
