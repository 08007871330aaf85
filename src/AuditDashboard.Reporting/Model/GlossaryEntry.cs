namespace AuditDashboard.Reporting.Model;

public sealed record GlossaryEntry(string Term, string Meaning);
