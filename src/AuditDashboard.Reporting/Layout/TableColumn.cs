namespace AuditDashboard.Reporting.Layout;

/// <summary>A table column: its header and its share of the table's width.</summary>
public sealed record TableColumn(string Header, double Weight, bool Mono = false, bool AlignRight = false);
