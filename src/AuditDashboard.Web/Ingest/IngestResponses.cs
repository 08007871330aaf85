namespace AuditDashboard.Web.Ingest;

public sealed record ChainHeadResponse(long Seq, string Hash);

public sealed record IngestResponse(int Accepted, int Duplicates, ChainHeadResponse Head);

public sealed record FieldErrorResponse(int Index, string Field, string Reason);
