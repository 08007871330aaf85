namespace AuditDashboard.Core.Integrity.Witness;

/// <summary>What the witness did with the log's latest checkpoint: cosigned it, or refused it and why.</summary>
public sealed record WitnessVerdict(bool Cosigned, string Message, string? Previous, string Latest)
{
    public static WitnessVerdict Refused(string message, string? previous, string latest) => new(false, message, previous, latest);
}
