namespace AuditDashboard.Reporting.Model;

/// <summary>The store the report was computed from, and what protects it in transit and at rest, in words.</summary>
public sealed record StorageProtection(string Engine, string InTransit, string AtRest);
