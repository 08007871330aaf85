namespace AuditDashboard.Web.Ingest;

public sealed record ImportResponse(string Format, long Records, int Accepted, int Duplicates, IReadOnlyDictionary<string, int> Skipped, ChainHeadResponse Head);
