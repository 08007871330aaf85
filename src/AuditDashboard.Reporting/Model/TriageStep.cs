namespace AuditDashboard.Reporting.Model;

/// <summary>One change of an alert's status as recorded: management's response to an exception, step by step.</summary>
public sealed record TriageStep(DateTime At, string Actor, string? From, string To, string? Note);
