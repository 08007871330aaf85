namespace AuditDashboard.Reporting.Model;

/// <summary>The chain verification run for the report: the range verified, its result, the chain head and the signed checkpoint.</summary>
public sealed record IntegrityAttestation(bool Intact, long FirstSeq, long LastSeq, long EventsChecked, long HeadSeq, string HeadHash,
    long? FirstBrokenSeq, string Message, DateTime VerifiedAt, CheckpointAttestation? Checkpoint = null, StorageProtection? Storage = null);
