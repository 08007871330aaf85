namespace AuditDashboard.Core.Integrity;

public sealed record VerificationResult(
    bool Intact,
    long EventsChecked,
    long HeadSeq,
    string HeadHash,
    BreakKind Kind,
    long? FirstBrokenSeq,
    string Message);
