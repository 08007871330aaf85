namespace AuditDashboard.Core.Integrity.Notes;

/// <summary>One signature line of a signed note: <c>— name base64(key ID ‖ signature)</c>.</summary>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature)
{
    public string Line()
    {
        var blob = new byte[4 + Signature.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(blob, KeyId);
        Signature.CopyTo(blob, 4);
        return $"— {Name} {Convert.ToBase64String(blob)}\n";
    }
}
