namespace AuditDashboard.Reporting.Model;

/// <summary>The signed checkpoint a report was made against: what an auditor checks the report's evidence with, offline.</summary>
public sealed record CheckpointAttestation(string Origin, long Size, string Root, string KeyId, string VerifierKey, IReadOnlyList<string> Cosigners, string Note);
